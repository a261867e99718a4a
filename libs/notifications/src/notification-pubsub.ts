import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Text } from '@app/common';
import { RedisService } from '@app/persistence';

/** What travels between processes: a notification as its subscriber sees it. */
export interface NotificationMessage {
  id: string;
  userId: string;
  kind: string;
  /** In English (the stored column); `titleText` is what GraphQL writes in the subscriber's language. */
  title: string;
  body: string;
  /** The catalogue sentences; absent in messages of a process that predates them, null for old rows. */
  titleText?: Text | null;
  bodyText?: Text | null;
  link: string | null;
  /** Absent in messages of a process that predates it. */
  organizationId?: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface DeliveredNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  titleText: Text | null;
  bodyText: Text | null;
  link: string | null;
  organizationId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const CHUNK = 500;

/** A per-subscription buffer that GraphQL reads as an async iterator. */
class Subscription implements AsyncIterableIterator<DeliveredNotification> {
  private readonly buffer: DeliveredNotification[] = [];
  private waiting?: (result: IteratorResult<DeliveredNotification>) => void;
  private done = false;

  constructor(private readonly onClose: () => void) {}

  push(value: DeliveredNotification): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value, done: false });
    } else if (this.buffer.length < 1000) {
      this.buffer.push(value);
    }
  }

  next(): Promise<IteratorResult<DeliveredNotification>> {
    if (this.buffer.length)
      return Promise.resolve({ value: this.buffer.shift() as DeliveredNotification, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<DeliveredNotification>> {
    if (!this.done) {
      this.done = true;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<DeliveredNotification>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/**
 * Carries new notifications to the GraphQL subscriptions of their users. Without Redis, in
 * memory. With REDIS_URL, through Redis pub/sub (channel `<REDIS_KEY_PREFIX>notifications`, one
 * dedicated subscriber connection per process), so a notification created by the worker or by
 * another API instance reaches the instance the user's socket is connected to.
 */
@Injectable()
export class NotificationPubSub implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationPubSub.name);
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private publisher?: Redis;
  private subscriber?: Redis;
  private readonly channel: string;
  private ready: Promise<unknown> = Promise.resolve();

  constructor(private readonly redis: RedisService) {
    // ioredis' keyPrefix does not apply to channels: the channel carries the prefix itself.
    this.channel = `${redis.keyPrefix}notifications`;
  }

  onModuleInit(): void {
    if (!this.redis.enabled) return;
    // RedisService closes both connections at shutdown.
    this.publisher = this.redis.create('notify-pub');
    this.subscriber = this.redis.create('notify-sub');
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      try {
        this.deliver(JSON.parse(text) as NotificationMessage[]);
      } catch (error) {
        this.logger.warn(`Bad notification message: ${(error as Error).message}`);
      }
    });
    this.ready = this.subscriber.subscribe(this.channel);
    this.ready.catch((error: Error) => this.logger.warn(`Subscribing to ${this.channel} failed: ${error.message}`));
  }

  /** Resolves once this process receives what is published (tests wait on it). */
  whenReady(): Promise<unknown> {
    return this.ready;
  }

  async publish(messages: NotificationMessage[]): Promise<void> {
    if (!messages.length) return;
    if (!this.publisher) {
      this.deliver(messages);
      return;
    }
    for (let i = 0; i < messages.length; i += CHUNK) {
      await this.publisher.publish(this.channel, JSON.stringify(messages.slice(i, i + CHUNK)));
    }
  }

  /** The notifications of one user from now on. */
  subscribe(userId: string): AsyncIterableIterator<DeliveredNotification> {
    const set = this.subscriptions.get(userId) ?? new Set<Subscription>();
    const subscription: Subscription = new Subscription(() => {
      set.delete(subscription);
      if (!set.size) this.subscriptions.delete(userId);
    });
    set.add(subscription);
    this.subscriptions.set(userId, set);
    return subscription;
  }

  /** Open subscriptions of one user in this process. */
  subscribersOf(userId: string): number {
    return this.subscriptions.get(userId)?.size ?? 0;
  }

  private deliver(messages: NotificationMessage[]): void {
    for (const m of messages) {
      const set = this.subscriptions.get(m.userId);
      if (!set) continue;
      const value: DeliveredNotification = {
        id: m.id,
        kind: m.kind,
        title: m.title,
        body: m.body,
        titleText: m.titleText ?? null,
        bodyText: m.bodyText ?? null,
        link: m.link,
        organizationId: m.organizationId ?? null,
        createdAt: new Date(m.createdAt),
        readAt: m.readAt ? new Date(m.readAt) : null,
      };
      for (const subscription of set) subscription.push(value);
    }
  }

  onApplicationShutdown(): void {
    for (const set of this.subscriptions.values()) for (const s of set) void s.return();
  }
}
