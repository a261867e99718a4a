import type { DataSource } from 'typeorm';

/**
 * The demo's only writes that bypass the domain services: they move rows the services wrote into
 * the past. The services stamp every change with now() and refuse what cannot happen now (enrolling
 * after the deadline, opening a consultation whose closing date has passed), so a demo that shows a
 * training held two months ago or a consultation that closed last week is written as it happened,
 * by the services, and then shifted back in time as a whole: every timestamp of the thing and of its
 * history moves by the same interval, so the order of events stays as the services recorded it.
 */

/** Shifts a training offer, its enrolments and their history `days` into the past. */
export async function backdateTraining(dataSource: DataSource, offerId: string, days: number): Promise<void> {
  await dataSource.transaction(async (m) => {
    await m.query(
      `UPDATE training_offer SET starts_at = starts_at - make_interval(days => $2),
          ends_at = ends_at - make_interval(days => $2),
          application_deadline = application_deadline - make_interval(days => $2),
          published_at = published_at - make_interval(days => $2),
          created_at = created_at - make_interval(days => $2), updated_at = updated_at - make_interval(days => $2)
        WHERE id = $1`,
      [offerId, days],
    );
    await m.query(
      `UPDATE enrolment_event SET created_at = created_at - make_interval(days => $2)
        WHERE enrolment_id IN (SELECT id FROM enrolment WHERE training_id = $1)`,
      [offerId, days],
    );
    await m.query(
      `UPDATE enrolment SET created_at = created_at - make_interval(days => $2),
          updated_at = updated_at - make_interval(days => $2),
          completed_at = completed_at - make_interval(days => $2),
          cancelled_at = cancelled_at - make_interval(days => $2),
          rated_at = rated_at - make_interval(days => $2)
        WHERE training_id = $1`,
      [offerId, days],
    );
  });
}

/** Shifts a consultation, its invitations, contributions and history `days` into the past. */
export async function backdateConsultation(dataSource: DataSource, consultationId: string, days: number) {
  await dataSource.transaction(async (m) => {
    await m.query(
      `UPDATE consultation SET opens_at = opens_at - make_interval(days => $2),
          closes_at = closes_at - make_interval(days => $2),
          opened_at = opened_at - make_interval(days => $2),
          closed_at = closed_at - make_interval(days => $2),
          created_at = created_at - make_interval(days => $2), updated_at = updated_at - make_interval(days => $2)
        WHERE id = $1`,
      [consultationId, days],
    );
    await m.query(
      `UPDATE consultation_invitation SET responded_at = responded_at - make_interval(days => $2),
          created_at = created_at - make_interval(days => $2), updated_at = updated_at - make_interval(days => $2)
        WHERE consultation_id = $1`,
      [consultationId, days],
    );
    for (const table of ['contribution', 'consultation_event']) {
      await m.query(
        `UPDATE ${table} SET created_at = created_at - make_interval(days => $2) WHERE consultation_id = $1`,
        [consultationId, days],
      );
    }
  });
}

/**
 * Dates self-assessments `daysApart` days apart, in the order given (the latest last), so that
 * "the latest assessment counts" does not depend on which of two quick submissions got the later
 * millisecond, and the demo shows an organization that assessed itself again.
 */
export async function dateAssessments(dataSource: DataSource, assessmentIds: string[], daysApart = 1) {
  await dataSource.query(
    `UPDATE capacity_assessment a SET assessed_at = now() - make_interval(days => (c.n - x.i + 1)::int * $2)
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, i), (SELECT cardinality($1::uuid[]) AS n) c
      WHERE a.id = x.id`,
    [assessmentIds, daysApart],
  );
}
