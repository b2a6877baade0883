import { Module } from '@nestjs/common';
import { PublicServiceIndexController } from './public-service-index.controller';
import { ServiceIndexController } from './service-index.controller';
import { ServiceIndexService } from './service-index.service';

/** The citizen-service index (Decision 766): the readers' route and the public open data. */
@Module({
  controllers: [ServiceIndexController, PublicServiceIndexController],
  providers: [ServiceIndexService],
})
export class ServiceIndexModule {}
