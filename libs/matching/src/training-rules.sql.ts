/**
 * The training rules that both capacity (enrolment, seat counts, evaluation) and matching (the SQL of
 * TRAINING_MATCHES_SQL) apply. They live here, in the lower lib: capacity depends on matching, never
 * the reverse, so capacity derives its SEAT_STATUSES and SEAT_STATUSES_SQL from these (docs/domain.md).
 */

/** Enrolment statuses that hold a seat of an offer. */
export const TRAINING_SEAT_STATUSES = ['ACCEPTED', 'COMPLETED'] as const;

/** The same, as an SQL list for `status IN (…)` (constants, never input). */
export const TRAINING_SEAT_STATUSES_SQL = TRAINING_SEAT_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * An offer (alias `t`) accepts enrolments and is matched: published and still before its
 * application deadline (or its start when there is none).
 */
export const TRAINING_OPEN_SQL = `t.status = 'PUBLISHED' AND coalesce(t.application_deadline, t.starts_at) > now()`;
