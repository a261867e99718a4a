import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createRequire } from 'node:module';
import { AppConfig } from '@app/config';
import type { Redis, RedisOptions } from 'ioredis';

/** ioredis, loaded on first use: without REDIS_URL (the embedded quick start) its modules are never read. */
const ioredis = () => createRequire(import.meta.url)('ioredis') as typeof import('ioredis');

/** Lazily created Redis connections when REDIS_URL is set; `null` means "run in-process". */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly clients: Redis[] = [];
  private shared?: Redis;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.REDIS_URL;
  }

  /**
   * The shared command connection, or null without REDIS_URL. Its commands fail fast instead of
   * waiting for Redis: each times out after REDIS_COMMAND_TIMEOUT_MS, none is queued while the
   * connection is down, and none is retried on reconnection (callers fall back, e.g. rate limits
   * count in process).
   */
  client(): Redis | null {
    if (!this.config.REDIS_URL) return null;
    this.shared ??= this.create('shared', {
      commandTimeout: this.config.REDIS_COMMAND_TIMEOUT_MS,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    return this.shared;
  }

  /** What every key and channel of this deployment starts with (REDIS_KEY_PREFIX). */
  get keyPrefix(): string {
    return this.config.REDIS_KEY_PREFIX;
  }

  /**
   * A dedicated connection (subscribers, blocking queue consumers), closed at shutdown. Its keys
   * carry the key prefix, unless `prefixKeys` is false (BullMQ prefixes its keys itself and refuses
   * connections that do). Pub/sub channels never get the prefix from the connection.
   */
  create(
    name: string,
    options: Pick<RedisOptions, 'maxRetriesPerRequest' | 'commandTimeout' | 'enableOfflineQueue'> & {
      prefixKeys?: boolean;
    } = {},
  ): Redis {
    if (!this.config.REDIS_URL) throw new Error('REDIS_URL is not set');
    const { prefixKeys = true, ...redisOptions } = options;
    const client = new (ioredis().Redis)(this.config.REDIS_URL, {
      connectionName: `nexus-${name}`,
      ...(prefixKeys ? { keyPrefix: this.config.REDIS_KEY_PREFIX } : {}),
      ...redisOptions,
    });
    client.on('error', (error) => this.logger.warn(`Redis (${name}): ${error.message}`));
    this.clients.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
