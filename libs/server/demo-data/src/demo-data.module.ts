import { Module } from '@nestjs/common';
import { FileStore } from '@portal/server/dossiers';
import { DemoDataSeeder } from './demo-data.seeder';

/** What `cli.js demo-data` needs: the seeder of the demonstration dossiers. */
@Module({ providers: [DemoDataSeeder, FileStore], exports: [DemoDataSeeder] })
export class DemoDataModule {}
