import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentitySeeder } from './seed/identity-seeder';
import { AdministrativeUnit } from './units/administrative-unit.entity';
import { UnitsController } from './units/units.controller';
import { User } from './users/user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AdministrativeUnit, User])],
  controllers: [UnitsController],
  providers: [IdentitySeeder],
  exports: [IdentitySeeder, TypeOrmModule],
})
export class IdentityModule {}
