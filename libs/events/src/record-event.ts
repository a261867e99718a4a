import { EntityManager } from 'typeorm';
import { DomainEvent } from './event-types.js';

/** Where the ids of events recorded in a transaction wait for its commit (QueryRunner.data). */
export const OUTBOX_KEY = 'outboxEventIds';

/**
 * Records a domain event in the caller's transaction (use the transaction's manager). It becomes a
 * job after commit; a rollback discards it with the change.
 */
export async function recordEvent(manager: EntityManager, event: DomainEvent): Promise<string> {
  const [row] = await manager.query(`INSERT INTO outbox_event (type, payload) VALUES ($1, $2::jsonb) RETURNING id`, [
    event.type,
    JSON.stringify(event.payload),
  ]);
  const runner = manager.queryRunner;
  if (runner) {
    const data = runner.data as Record<string, unknown>;
    ((data[OUTBOX_KEY] as string[] | undefined) ?? (data[OUTBOX_KEY] = [])).push(row.id);
  }
  return row.id as string;
}
