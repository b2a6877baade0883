import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueNames } from '@portal/server/platform';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsService } from './notifications.service';

/**
 * For the worker: sends the notifications that queueNotification recorded.
 * Needs the platform's ConfigModule, DatabaseModule and BullModule.forRoot.
 */
@Module({
  // Registering the queue is what makes @nestjs/bullmq start the processor's worker.
  imports: [TypeOrmModule.forFeature([Notification]), BullModule.registerQueue({ name: QueueNames.notifications })],
  providers: [Mailer, NotificationsService, NotificationsProcessor],
  exports: [NotificationsService],
})
export class NotificationsModule {}
