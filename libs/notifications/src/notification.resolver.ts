import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser, Ctx, isMessageKey, translateText } from '@app/common';
import type { AuthUser, Locale, RequestContext, Text } from '@app/common';
import { Organization } from '@app/organizations';
import { EmailFrequency, Notification, NotificationPreferences } from './notification.entity.js';
import { NotificationPubSub } from './notification-pubsub.js';
import { notificationCursor, NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly pubsub: NotificationPubSub,
  ) {}

  @Query(() => [Notification], {
    description:
      "The signed-in user's notifications, newest first: `first` (1..100, default 20) at a time; the next page is `after` the last one's `cursor`.",
  })
  myNotifications(
    @CurrentUser() user: AuthUser,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The cursor of the last notification of the previous page',
    })
    after?: string,
  ) {
    return this.service.list(user, unreadOnly, first, after);
  }

  @Query(() => Int, { description: "How many of the signed-in user's notifications are unread." })
  unreadNotificationCount(@CurrentUser() user: AuthUser) {
    return this.service.unreadCount(user);
  }

  @Mutation(() => Notification, { description: 'Only one’s own notifications (others are NOT_FOUND).' })
  markNotificationRead(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.service.markRead(user, id);
  }

  @Mutation(() => Int, {
    description: 'Marks every unread notification of the signed-in user read; answers how many there were.',
  })
  markAllNotificationsRead(@CurrentUser() user: AuthUser) {
    return this.service.markAllRead(user);
  }

  @ResolveField(() => String, {
    description:
      "In the reader's language (Accept-Language, else her preferred language); notifications stored before they had translations read in English.",
  })
  title(@Parent() n: Pick<Notification, 'title' | 'titleText'>, @Ctx() ctx: RequestContext) {
    return inLanguage(ctx.locale, n.titleText, n.title);
  }

  @ResolveField(() => String, { description: "In the reader's language (see title)." })
  body(@Parent() n: Pick<Notification, 'body' | 'bodyText'>, @Ctx() ctx: RequestContext) {
    return inLanguage(ctx.locale, n.bodyText, n.body);
  }

  @ResolveField(() => String, {
    description: 'Pass as myNotifications(after:) to read the notifications older than this one.',
  })
  cursor(@Parent() n: Pick<Notification, 'id' | 'createdAt'>) {
    return notificationCursor(n);
  }

  @ResolveField(() => Organization, {
    nullable: true,
    description:
      'The organization the notification is about for its recipient (e.g. the invited one, for a user in several)',
  })
  organization(@Parent() n: Pick<Notification, 'organizationId'>, @Ctx() ctx: RequestContext) {
    return n.organizationId ? ctx.loaders.organizations.organization.load(n.organizationId) : null;
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
      'New notifications of the signed-in user (graphql-ws; the access token goes in the connection parameters: { authorization: "Bearer …" }, and the language of title and body in "accept-language", else her preferred language).',
    resolve: (value: unknown) => value,
  })
  notificationAdded(@CurrentUser() user: AuthUser) {
    return this.pubsub.subscribe(user.id);
  }
}

/**
 * A notification's sentence in the reader's language: its catalogue Text when it has one (also in
 * English: the catalogue's English is what was stored), else the stored English (notifications
 * created before issue 14, or whose key a later catalogue dropped).
 */
function inLanguage(locale: Locale, text: Text | null | undefined, stored: string): string {
  if (!text || locale === 'en' || !isMessageKey(text.key)) return stored;
  return translateText(locale, text);
}
