import { EntityManager } from 'typeorm';
import { DomainEvent } from './event-types.js';

/** Where the ids of events recorded in a transaction wait for its commit (QueryRunner.data). */
export const OUTBOX_KEY = 'outboxEventIds';

/**
 * Records a domain event in the caller's transaction (use the transaction's manager). It becomes a
 * job after commit; a rollback discards it with the change.
 */
export async function recordEvent(manager: EntityManager, event: DomainEvent): Promise<string> {
  const [id] = await recordEvents(manager, [event]);
  return id;
}

/** Records several events in one INSERT (as recordEvent does one); returns their ids. */
export async function recordEvents(manager: EntityManager, events: readonly DomainEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows: Array<{ id: string }> = await manager.query(
    `INSERT INTO outbox_event (type, payload) SELECT * FROM unnest($1::text[], $2::jsonb[]) RETURNING id`,
    [events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))],
  );
  const runner = manager.queryRunner;
  if (runner) {
    const data = runner.data as Record<string, unknown>;
    ((data[OUTBOX_KEY] as string[] | undefined) ?? (data[OUTBOX_KEY] = [])).push(...rows.map((r) => r.id));
  }
  return rows.map((r) => r.id);
}
