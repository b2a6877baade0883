import { Module } from '@nestjs/common';
import { PrintListController } from './print-list.controller';
import { PrintListService } from './print-list.service';
import { ResultsController } from './results.controller';
import { RatingsService } from './ratings.service';
import { ResultsService } from './results.service';
import { SigningKeys } from './signing-keys';

@Module({
  controllers: [ResultsController, PrintListController],
  providers: [ResultsService, SigningKeys, RatingsService, PrintListService],
  exports: [ResultsService, SigningKeys, RatingsService],
})
export class ResultsModule {}

/** What the seed command needs: the CA and the wards' certificates. */
@Module({ providers: [SigningKeys], exports: [SigningKeys] })
export class ResultsSeedModule {}
