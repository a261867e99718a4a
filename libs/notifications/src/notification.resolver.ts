import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser } from '@app/common';
import type { AuthUser } from '@app/common';
import { EmailFrequency, Notification, NotificationPreferences } from './notification.entity.js';
import { NotificationPubSub } from './notification-pubsub.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly pubsub: NotificationPubSub,
  ) {}

  @Query(() => [Notification], { description: "The signed-in user's notifications, newest first." })
  myNotifications(
    @CurrentUser() user: AuthUser,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    return this.service.list(user, unreadOnly, first);
  }

  @Mutation(() => Notification, { description: 'Only one’s own notifications (others are NOT_FOUND).' })
  markNotificationRead(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.markRead(user, id);
  }

  @Query(() => NotificationPreferences)
  myNotificationPreferences(@CurrentUser() user: AuthUser) {
    return this.service.preferences(user);
  }

  @Mutation(() => NotificationPreferences, {
    description: 'E-mail for each notification at once, a daily digest, or none.',
  })
  updateNotificationPreferences(
    @CurrentUser() user: AuthUser,
    @Args('emailFrequency', { type: () => EmailFrequency }) emailFrequency: EmailFrequency,
  ) {
    return this.service.updatePreferences(user, emailFrequency);
  }

  @Subscription(() => Notification, {
    description:
      'New notifications of the signed-in user (graphql-ws; the access token goes in the connection parameters: { authorization: "Bearer …" }).',
    resolve: (value: unknown) => value,
  })
  notificationAdded(@CurrentUser() user: AuthUser) {
    return this.pubsub.subscribe(user.id);
  }
}
