import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@app/auth';
import { CapacityModule } from '@app/capacity';
import { DialogueModule } from '@app/dialogue';
import { EventsModule } from '@app/events';
import { FundsModule } from '@app/funds';
import { OrganizationsModule } from '@app/organizations';
import { PartnershipsModule } from '@app/partnerships';
import { QueueModule } from '@app/queue';
import { FunderNotificationProcessors } from './funder-notifications.processors.js';
import { MailerService } from './mailer.service.js';
import { DialogueNotificationProcessors } from './dialogue-notifications.processors.js';
import { EmailOutbox, Notification, NotificationPreference } from './notification.entity.js';
import { NotificationProcessors } from './notification.processors.js';
import { NotificationPubSub } from './notification-pubsub.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Notifications: the GraphQL API, pub/sub to subscriptions, e-mail, and the jobs that create them.
 * The domain modules imported are asked (through their exported services) what the processors need.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, NotificationPreference, EmailOutbox]),
    QueueModule,
    EventsModule,
    AuthModule,
    OrganizationsModule,
    PartnershipsModule,
    FundsModule,
    CapacityModule,
    DialogueModule,
  ],
  providers: [
    NotificationsService,
    NotificationPubSub,
    MailerService,
    NotificationProcessors,
    FunderNotificationProcessors,
    DialogueNotificationProcessors,
    NotificationResolver,
  ],
  exports: [NotificationsService, NotificationPubSub, NotificationProcessors, EventsModule],
})
export class NotificationsModule {}
