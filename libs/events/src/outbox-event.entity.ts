import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '@app/persistence';

/**
 * The transactional outbox: a domain event written in the same transaction as the change it
 * describes. After commit it is enqueued (dispatchedAt, dispatchCount); when its processors have
 * run, processedAt is set. The sweep delivers again events never enqueued (a crash between commit
 * and enqueue) or not processed long after their last delivery (a job given up).
 */
@Entity('outbox_event')
@Index('IDX_outbox_event_unprocessed', { synchronize: false })
export class OutboxEvent extends CreatedEntity {
  @Column({ length: 60 })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  dispatchCount: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  processedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
