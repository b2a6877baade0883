import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { NotFound } from '../errors/domain-error';
import { MetricsService } from './metrics.service';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Prometheus metrics. With METRICS_TOKEN set (required in production) only a scraper presenting it
 * as a bearer token reads them; anyone else gets the 404 of a page that does not exist.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    if (token) {
      const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
      // Compared as digests: constant time, whatever the lengths.
      if (!timingSafeEqual(digest(given), digest(token))) {
        throw new NotFound('NOT_FOUND', {
          vi: 'Không tìm thấy trang hoặc dữ liệu yêu cầu.',
          en: 'The page or record was not found.',
        });
      }
    }
    return this.metrics.registry.metrics();
  }
}
