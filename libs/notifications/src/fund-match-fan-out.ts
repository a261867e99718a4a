import { fundParams, scoredCandidatesSql } from '@app/matching';
import { NOTIFICATION_RETURNING } from './notifications.service.js';

/** Parameters before the fund's columns: $1 fund id, $2 funder id, $3 after, $4 up to, $5 threshold, $6 title. */
const F = fundParams(7);

/**
 * One batch of the fund-published fan-out, in one statement: the organizations with ids in
 * ($3, $4] are matched by libs/matching (eligibility rules as WHERE, the weighted score, each
 * organization with its best eligible project), and the members of every organization scoring at
 * least $5 get a FUND_MATCH notification, once (ON CONFLICT DO NOTHING on the per-user dedupe key).
 * $4 NULL = to the end.
 */
export const FAN_OUT_BATCH_SQL = `WITH ${scoredCandidatesSql(
  F,
  'o.id > $3::uuid AND ($4::uuid IS NULL OR o.id <= $4::uuid) AND o.id <> $2::uuid',
  ['name'],
)},
     matched AS (SELECT id, name, score FROM candidates WHERE score >= $5::float8)
     INSERT INTO notification (user_id, kind, title, body, link, dedupe_key)
     SELECT m.user_id, 'FUND_MATCH', left('New fund for ' || matched.name || ': ' || $6::text, 300),
            '"' || $6::text || '" fits ' || matched.name || ' (match score ' || to_char(matched.score, 'FM0.00')
              || '). Deadline: ' || to_char(${F('deadline')} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.',
            '/funds/' || $1::text, 'FUND_MATCH:' || $1::text || ':' || matched.id::text
       FROM matched JOIN membership m ON m.organization_id = matched.id
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     ${NOTIFICATION_RETURNING}`;

/** The upper bound of the next batch: the id of the `size`-th organization after `after` (null = the rest). */
export const BATCH_BOUND_SQL = `SELECT id FROM organization WHERE id > $1::uuid ORDER BY id OFFSET $2 - 1 LIMIT 1`;

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';
