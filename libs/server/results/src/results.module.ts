import { Module } from '@nestjs/common';
import { ResultsController } from './results.controller';
import { RatingsService } from './ratings.service';
import { ResultsService } from './results.service';
import { SigningKeys } from './signing-keys';

@Module({
  controllers: [ResultsController],
  providers: [ResultsService, SigningKeys, RatingsService],
  exports: [ResultsService, SigningKeys, RatingsService],
})
export class ResultsModule {}

/** What the seed command needs: the CA and the wards' certificates. */
@Module({ providers: [SigningKeys], exports: [SigningKeys] })
export class ResultsSeedModule {}
