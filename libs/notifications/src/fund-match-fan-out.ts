import { fundParams, scoredCandidatesSql } from '@app/matching';

/** Parameters before the fund's columns: $1 funder id, $2 after, $3 up to, $4 threshold, $5 title. */
const F = fundParams(6);

/**
 * The matching of one batch of the fund-published fan-out, in one statement built from libs/matching
 * (`scoredCandidatesSql`: eligibility rules as WHERE, the weighted score, each organization with its
 * best eligible project): the organizations with ids in ($2, $3] that score at least $4, each with
 * what its FUND_MATCH notification names: its name, the fund's title ($5), the score with two
 * decimals (as the notification always wrote it) and the fund's deadline (ISO 8601 text: no Date
 * to parse per row). $3 NULL = to the end. Who their members are is
 * asked of libs/organizations; the notifications are written by NotificationsService.
 */
export const FAN_OUT_MATCHES_SQL = `WITH ${scoredCandidatesSql(
  F,
  'o.id > $2::uuid AND ($3::uuid IS NULL OR o.id <= $3::uuid) AND o.id <> $1::uuid',
  ['name'],
)}
     SELECT id AS organization_id, name, $5::text AS fund_title, to_char(score, 'FM0.00') AS score,
            to_char(${F('deadline')} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS deadline
       FROM candidates WHERE score >= $4::float8`;

/**
 * The upper bound of the next batch: the id of the `size`-th organization after `after` (null = the
 * rest). Batches are ranges of the key the matching SQL above filters on.
 */
export const BATCH_BOUND_SQL = `SELECT id FROM organization WHERE id > $1::uuid ORDER BY id OFFSET $2 - 1 LIMIT 1`;

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';
