import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@app/events';
import { QueueModule } from '@app/queue';
import { MailerService } from './mailer.service.js';
import { EmailOutbox, Notification, NotificationPreference } from './notification.entity.js';
import { NotificationProcessors } from './notification.processors.js';
import { NotificationPubSub } from './notification-pubsub.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationsService } from './notifications.service.js';

/** Notifications: the GraphQL API, pub/sub to subscriptions, e-mail, and the jobs that create them. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationPreference, EmailOutbox]), QueueModule, EventsModule],
  providers: [NotificationsService, NotificationPubSub, MailerService, NotificationProcessors, NotificationResolver],
  exports: [NotificationsService, NotificationPubSub, NotificationProcessors, EventsModule],
})
export class NotificationsModule {}
