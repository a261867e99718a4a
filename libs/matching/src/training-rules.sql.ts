/**
 * The training rules that both capacity (enrolment, seat counts, evaluation) and matching (the SQL of
 * TRAINING_MATCHES_SQL) apply. They live here, in the lower lib: capacity depends on matching, never
 * the reverse, so capacity derives its SEAT_STATUSES and SEAT_STATUSES_SQL from these (docs/domain.md).
 */
import { allRules, Rule, ruleColumns, ruleResults, SqlParams } from './sql-kit.js';
import { AUDIENCE_REGION_PAIRS } from './training-regions.js';

/** Enrolment statuses that hold a seat of an offer. */
export const TRAINING_SEAT_STATUSES = ['ACCEPTED', 'COMPLETED'] as const;

/** The same, as an SQL list for `status IN (…)` (constants, never input). */
export const TRAINING_SEAT_STATUSES_SQL = TRAINING_SEAT_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * An offer (alias `t`) accepts enrolments and is matched: published and still before its
 * application deadline (or its start when there is none).
 */
export const TRAINING_OPEN_SQL = `t.status = 'PUBLISHED' AND coalesce(t.application_deadline, t.starts_at) > now()`;

/** What the training rules' SQL needs: the placeholder of AUDIENCE_REGION_PAIRS (aliases: `t` offer, `o` organization). */
export interface TrainingRuleContext {
  regionPairs: string;
}

export type TrainingRuleName = 'KIND' | 'RESIDENCE' | 'LANGUAGE';

/**
 * Who may take an offer (docs/matching.md, "Trainings"): the same SQL filters trainingMatches and
 * decides enrol. `o` needs kind (text), countries_of_residence and languages.
 *  - KIND: no kinds listed, or the organization's kind is listed.
 *  - RESIDENCE: no audience countries nor regions, or the organization is based (one of its countries of
 *    residence) in a listed country or in a country of a listed region.
 *  - LANGUAGE: the offer does not require its languages, or the organization works in one of them.
 */
export const TRAINING_RULES: ReadonlyArray<Rule<TrainingRuleContext> & { rule: TrainingRuleName }> = [
  {
    rule: 'KIND',
    sql: () => `(cardinality(t.eligible_organization_kinds) = 0 OR o.kind::text = ANY(t.eligible_organization_kinds))`,
  },
  {
    rule: 'RESIDENCE',
    sql: (c) =>
      `((cardinality(t.audience_countries_of_residence) = 0 AND cardinality(t.audience_regions) = 0)` +
      ` OR o.countries_of_residence && t.audience_countries_of_residence` +
      ` OR EXISTS (SELECT 1 FROM unnest(t.audience_regions) ar, unnest(o.countries_of_residence) ac` +
      ` WHERE ar || ':' || ac = ANY(${c.regionPairs})))`,
  },
  {
    rule: 'LANGUAGE',
    sql: () => `(NOT t.language_required OR t.languages && o.languages)`,
  },
];

/** The rules ANDed for a WHERE clause; adds the region parameter to `params`. */
export function trainingRulesWhere(params: SqlParams): string {
  return allRules(TRAINING_RULES, { regionPairs: params.add(AUDIENCE_REGION_PAIRS, 'text[]') });
}

/** One offer and one organization: each rule's result (r0, r1, …) and what the messages name. */
export function trainingEligibilitySql(trainingId: string, organizationId: string): [string, unknown[]] {
  const params = new SqlParams();
  const t = params.add(trainingId, 'uuid');
  const o = params.add(organizationId, 'uuid');
  const columns = ruleColumns(TRAINING_RULES, { regionPairs: params.add(AUDIENCE_REGION_PAIRS, 'text[]') });
  const sql = `SELECT ${columns}
  FROM training_offer t, (SELECT id, kind::text AS kind, countries_of_residence, languages FROM organization) o
 WHERE t.id = ${t} AND o.id = ${o}`;
  return [sql, params.values];
}

/** The names of the rules that failed, from a row of trainingEligibilitySql. */
export function failedTrainingRules(row: Record<string, unknown>): TrainingRuleName[] {
  return ruleResults(TRAINING_RULES, row)
    .filter((r) => !r.passed)
    .map((r) => r.rule.rule);
}

/**
 * The organizations a published offer is for (notifications): those whose latest capacity assessment
 * names a need the offer covers, other than its provider, that TRAINING_RULES admit.
 */
export function trainingAudienceSql(trainingId: string): [string, unknown[]] {
  const params = new SqlParams();
  const t = params.add(trainingId, 'uuid');
  const rules = trainingRulesWhere(params);
  const sql = `SELECT latest.organization_id FROM (
  SELECT DISTINCT ON (organization_id) organization_id, needs
    FROM capacity_assessment ORDER BY organization_id, assessed_at DESC, id DESC) latest
  JOIN training_offer t ON t.id = ${t}
  JOIN (SELECT id, kind::text AS kind, countries_of_residence, languages FROM organization) o
    ON o.id = latest.organization_id
 WHERE latest.needs && t.capacity_areas AND o.id <> t.provider_id
   AND ${rules}
 ORDER BY latest.organization_id`;
  return [sql, params.values];
}
