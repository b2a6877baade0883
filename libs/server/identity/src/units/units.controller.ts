import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UnitView } from '@portal/contracts';
import { DataSource } from 'typeorm';

@ApiTags('catalogue')
@Controller('units')
export class UnitsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The wards, communes and special zones that receive applications, by province.' })
  @ApiOkResponse({ description: 'Every unit with its code and province, in both languages.' })
  async list(): Promise<UnitView[]> {
    const rows = await this.dataSource.query(
      `SELECT u.code, u.name, u.name_en, p.code AS province_code, p.name AS province_name, p.name_en AS province_name_en
         FROM administrative_unit u JOIN administrative_unit p ON p.code = u.parent_code
        WHERE u.tier = 'commune' ORDER BY p.name, u.name`,
    );
    return rows.map((r: Record<string, string>) => ({
      code: r['code'],
      name: { vi: r['name'], en: r['name_en'] },
      province: { vi: r['province_name'], en: r['province_name_en'] },
      provinceCode: r['province_code'],
    }));
  }
}
