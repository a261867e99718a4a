import { ObjectType } from '@nestjs/graphql';
import { Column, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { CreatedEntity } from './base.entity.js';

/*
 * The one status-history shape (docs/domain.md, "History"): a row per transition, written
 * once, in the transaction that changes the status, through recordTransition and nothing else.
 * Every history has: id, createdAt (when), actorId (who), fromStatus (null on creation, except where
 * the subject starts in a status of its own), toStatus, and its own subject key column(s) with a
 * RESTRICT foreign key: history is kept, the platform never deletes a subject that has one.
 */

/**
 * id, createdAt, actorId and the two status columns every history has. Each history declares its
 * subject key and its typed status columns (their enum types differ), and a `note` column if it
 * keeps one. GraphQL does not show actorId; a history that does re-declares it with
 * `@Field(() => ID) declare actorId: string`.
 */
@ObjectType({ isAbstract: true })
export abstract class StatusHistoryEntity extends CreatedEntity {
  /** The user who caused the transition. */
  @Column({ type: 'uuid' })
  actorId: string;

  abstract fromStatus: string | null;
  abstract toStatus: string;
}

type ShapeKey = keyof StatusHistoryEntity | 'note';

/** The subject key columns of a history: its required own columns (relations are optional). */
type SubjectKey<E> = {
  [K in keyof E]-?: K extends ShapeKey ? never : undefined extends E[K] ? never : K;
}[keyof E];

/** One transition: the subject key(s), who, from, to, and the note where the history keeps one. */
export type Transition<E extends StatusHistoryEntity> = Pick<E, SubjectKey<E>> & {
  actorId: string;
  from: E['fromStatus'];
  to: E['toStatus'];
} & (E extends { note: infer N } ? { note?: N } : { note?: never });

/**
 * Records transitions of one history, in one INSERT (call inside the transaction that changes the
 * status). E.g. `recordTransition(manager, EnrolmentEvent, { enrolmentId, actorId, from, to })`.
 */
export async function recordTransition<E extends StatusHistoryEntity>(
  manager: EntityManager,
  history: new () => E,
  transitions: Transition<E> | Transition<E>[],
): Promise<void> {
  const rows = (Array.isArray(transitions) ? transitions : [transitions]).map(({ from, to, ...rest }) => ({
    ...rest,
    fromStatus: from,
    toStatus: to,
  }));
  if (rows.length) await manager.insert(history, rows as unknown as QueryDeepPartialEntity<E>[]);
}
