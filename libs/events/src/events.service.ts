import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppConfig } from '@app/config';
import { JobQueue } from '@app/queue';
import { DeliveredEvent, DomainEventType } from './event-types.js';
import { OUTBOX_KEY } from './record-event.js';

export const EVENT_JOB = 'outbox-event';
export const OUTBOX_SWEEP_JOB = 'outbox-sweep';
export const OUTBOX_PRUNE_JOB = 'outbox-prune';
/** Processed events are kept this long (inspection), then deleted by a daily job. */
const KEEP_PROCESSED_DAYS = 30;
/** Events whose delivery failed this often are left for an operator (last_error says why). */
const MAX_DISPATCHES = 25;
/** An event still not enqueued this long after its commit was missed by the after-commit dispatch. */
const MISSED_AFTER_SECONDS = 10;

export type EventHandler<K extends DomainEventType = DomainEventType> = (event: DeliveredEvent<K>) => Promise<void>;

interface EventJob {
  eventId: string;
}

/**
 * Turns committed outbox events into jobs and runs their handlers. After a transaction that
 * recorded events commits, their ids are enqueued (job id `event-<id>-<n>`; BullMQ ids hold no colon); a periodic sweep
 * enqueues the ones a crash left behind and re-delivers those whose job was given up. Handlers
 * must be idempotent: an event may be delivered more than once, never zero times.
 */
@Injectable()
export class EventsService implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger(EventsService.name);
  private readonly handlers = new Map<string, EventHandler[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
    this.queue.process<EventJob>(EVENT_JOB, (job) => this.process(job.eventId));
    this.queue.process(OUTBOX_SWEEP_JOB, () => this.sweep().then(() => undefined));
    this.queue.schedule(OUTBOX_SWEEP_JOB, { every: this.config.JOB_SCHEDULE_INTERVAL_SECONDS * 1000 });
    this.queue.process(OUTBOX_PRUNE_JOB, async () => {
      await this.dataSource.query(`DELETE FROM outbox_event WHERE processed_at < now() - make_interval(days => $1)`, [
        KEEP_PROCESSED_DAYS,
      ]);
    });
    this.queue.schedule(OUTBOX_PRUNE_JOB, { every: 86_400_000 });
  }

  /** Registers a processor of one event type (several may handle the same type). */
  handle<K extends DomainEventType>(type: K, handler: EventHandler<K>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as EventHandler);
    this.handlers.set(type, list);
  }

  /** TypeORM hook: the transaction committed; enqueue its events once its connection is released. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the outer transaction goes on
    const data = runner.data as Record<string, unknown>;
    const ids = data[OUTBOX_KEY] as string[] | undefined;
    if (!ids?.length) return;
    delete data[OUTBOX_KEY];
    // Not awaited: PGlite has one connection, still held by this transaction until it is released.
    setImmediate(() => {
      this.dispatch(ids).catch((error) =>
        this.logger.warn(`Enqueueing ${ids.length} event(s) failed (the sweep will): ${(error as Error).message}`),
      );
    });
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete (event.queryRunner.data as Record<string, unknown>)[OUTBOX_KEY];
  }

  /** Enqueues events and marks them dispatched. */
  async dispatch(ids: string[]): Promise<void> {
    if (!ids.length) return;
    // An UPDATE answers [rows, rowCount].
    const [rows]: [Array<{ id: string; dispatch_count: number }>, number] = await this.dataSource.query(
      `UPDATE outbox_event SET dispatched_at = now(), dispatch_count = dispatch_count + 1
        WHERE id = ANY($1) AND processed_at IS NULL RETURNING id, dispatch_count`,
      [ids],
    );
    // Should enqueueing fail, the sweep delivers these events again (they are marked dispatched).
    await this.queue.addBulk<EventJob>(
      rows.map((row) => ({
        name: EVENT_JOB,
        data: { eventId: row.id },
        options: { jobId: `event-${row.id}-${row.dispatch_count}` },
      })),
    );
  }

  /**
   * Enqueues events that were never enqueued (older than a few seconds) or that were delivered
   * but not processed within OUTBOX_REDELIVER_SECONDS. Only types with a handler are delivered:
   * events of a type whose processor is not there yet wait for it.
   */
  async sweep(): Promise<number> {
    const types = [...this.handlers.keys()];
    if (!types.length) return 0;
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM outbox_event
        WHERE processed_at IS NULL AND type = ANY($1) AND dispatch_count < $2
          AND ((dispatched_at IS NULL AND created_at < now() - make_interval(secs => $3))
            OR dispatched_at < now() - make_interval(secs => $4))
        ORDER BY created_at LIMIT 1000`,
      [types, MAX_DISPATCHES, MISSED_AFTER_SECONDS, this.config.OUTBOX_REDELIVER_SECONDS],
    );
    if (rows.length) this.logger.log(`Outbox sweep: delivering ${rows.length} event(s) again`);
    await this.dispatch(rows.map((r) => r.id));
    return rows.length;
  }

  /** Runs every handler of one event, then marks it processed. Safe to run twice. */
  async process(eventId: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT id, type, payload, created_at, processed_at FROM outbox_event WHERE id = $1`,
      [eventId],
    );
    if (!row || row.processed_at) return;
    const handlers = this.handlers.get(row.type) ?? [];
    if (!handlers.length) {
      await this.dataSource.query(`UPDATE outbox_event SET last_error = $2 WHERE id = $1`, [
        eventId,
        `No processor for ${row.type} in this process`,
      ]);
      this.logger.warn(`No processor for event ${row.type} (${eventId}); it waits for one`);
      return;
    }
    const event: DeliveredEvent = {
      id: row.id,
      type: row.type,
      payload: row.payload,
      createdAt: new Date(row.created_at).toISOString(),
    };
    try {
      for (const handler of handlers) await handler(event);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource
        .query(`UPDATE outbox_event SET last_error = $2 WHERE id = $1`, [eventId, message.slice(0, 2000)])
        .catch(() => undefined);
      throw error;
    }
    await this.dataSource.query(`UPDATE outbox_event SET processed_at = now(), last_error = NULL WHERE id = $1`, [
      eventId,
    ]);
  }
}
