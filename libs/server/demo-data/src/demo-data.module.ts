import { Module } from '@nestjs/common';
import { DemoDataSeeder } from './demo-data.seeder';

/** What `cli.js demo-data` needs: the seeder of the demonstration dossiers. */
@Module({ providers: [DemoDataSeeder], exports: [DemoDataSeeder] })
export class DemoDataModule {}
