import { EntityManager } from 'typeorm';
import { NotFoundError } from '@app/common';
import { recordEvents } from '@app/events';
import { recordTransition } from '@app/persistence';
import { Enrolment, EnrolmentEvent, EnrolmentStatus, SEAT_STATUSES_SQL } from './enrolment.entity.js';
import { TrainingOffer } from './training-offer.entity.js';

/**
 * The seat rules in one place. Every write that changes who holds a seat first locks the offer's
 * row (SELECT … FOR UPDATE) and counts seats under that lock, so ACCEPTED + COMPLETED never
 * exceeds `seats`, on PostgreSQL and on PGlite alike. Lock order: offer, then enrolment.
 */
export async function lockOffer(manager: EntityManager, id: string): Promise<TrainingOffer | null> {
  return manager
    .getRepository(TrainingOffer)
    .createQueryBuilder('t')
    .setLock('pessimistic_write')
    .where('t.id = :id', { id })
    .getOne();
}

export async function lockEnrolment(manager: EntityManager, id: string): Promise<Enrolment> {
  const enrolment = await manager
    .getRepository(Enrolment)
    .createQueryBuilder('e')
    .setLock('pessimistic_write')
    .where('e.id = :id', { id })
    .getOne();
  if (!enrolment) throw new NotFoundError('Enrolment', id);
  return enrolment;
}

/** Enrolments of an offer that hold a seat (SEAT_STATUSES; call with the offer locked). */
export async function takenSeats(manager: EntityManager, trainingId: string): Promise<number> {
  const [{ n }] = await manager.query(
    `SELECT count(*)::int AS n FROM enrolment WHERE training_id = $1 AND status IN (${SEAT_STATUSES_SQL})`,
    [trainingId],
  );
  return n;
}

/**
 * Moves the oldest WAITLISTED enrolments (created_at, id) up while seats are free (call with the
 * offer locked), recording an ENROLMENT_PROMOTED event for each. Returns the ids promoted. `taken`:
 * the seats already counted under the same lock (counted here when not given).
 */
export async function fillSeats(
  manager: EntityManager,
  offer: TrainingOffer,
  actorId: string,
  taken?: number,
): Promise<string[]> {
  const free = offer.seats - (taken ?? (await takenSeats(manager, offer.id)));
  if (free <= 0) return [];
  const rows: Array<{ id: string; organization_id: string }> = await manager.query(
    `SELECT id, organization_id FROM enrolment WHERE training_id = $1 AND status = 'WAITLISTED' ORDER BY created_at ASC, id ASC LIMIT $2`,
    [offer.id, free],
  );
  if (!rows.length) return [];
  await manager.query(`UPDATE enrolment SET status = 'ACCEPTED', updated_at = now() WHERE id = ANY($1)`, [
    rows.map((r) => r.id),
  ]);
  await recordTransition(
    manager,
    EnrolmentEvent,
    rows.map(({ id }) => ({
      enrolmentId: id,
      actorId,
      from: EnrolmentStatus.WAITLISTED,
      to: EnrolmentStatus.ACCEPTED,
    })),
  );
  await recordEvents(
    manager,
    rows.map(({ id, organization_id: organizationId }) => ({
      type: 'ENROLMENT_PROMOTED' as const,
      payload: { enrolmentId: id, trainingOfferId: offer.id, organizationId, title: offer.title },
    })),
  );
  return rows.map((r) => r.id);
}

/**
 * The place of each given WAITLISTED enrolment in its offer's waiting list, in the order `fillSeats`
 * gives seats (created_at, id): 1 is the next to get one. One statement for any number of enrolments
 * (the per-request loader's batch); enrolments that are not WAITLISTED are left out.
 */
export async function waitlistPositions(
  manager: EntityManager,
  enrolmentIds: readonly string[],
): Promise<Map<string, number>> {
  const rows: Array<{ id: string; position: number }> = await manager.query(
    `SELECT w.id, w.position FROM (
       SELECT e.id, row_number() OVER (PARTITION BY e.training_id ORDER BY e.created_at ASC, e.id ASC)::int AS position
       FROM enrolment e
       WHERE e.status = 'WAITLISTED'
         AND e.training_id IN (SELECT x.training_id FROM enrolment x WHERE x.id = ANY($1::uuid[]))
     ) w WHERE w.id = ANY($1::uuid[])`,
    [[...enrolmentIds]],
  );
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}
