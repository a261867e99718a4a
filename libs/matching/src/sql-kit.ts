/**
 * The small SQL kit every matcher (funds, trainings, partners, counterparts) builds its queries with:
 *  - `SqlParams`: numbered `$n` placeholders, each with its SQL type;
 *  - `points`: a factor's points column, weight × factor rounded by the one rounding rule (4 decimals,
 *    float8), so that the reasons read from the point columns add up to the score exactly;
 *  - `scoreSum` / `withScore`: the score as the sum of the point columns, always in the same order;
 *  - `reasonsFromRow`: a reason per non-zero point column, with its factor code and points;
 *  - `Rule` / `allRules` / `ruleColumns`: eligibility rules as named boolean SQL, ANDed in WHERE or
 *    SELECTed one by one (checkEligibility), so a rule is written once.
 */

/** Points carry this many decimals: SQL rounds each point column to it, and so does `roundPoints`. */
export const POINT_DECIMALS = 4;
const SCALE = 10 ** POINT_DECIMALS;

/** Rounds points the way SQL does (`points`). */
export const roundPoints = (x: number) => Math.round(x * SCALE) / SCALE;

/** What rounding `n` point columns can add to a score, at most (n × half a unit of the last decimal). */
export const roundingMargin = (n: number) => n * (0.5 / SCALE);

/** A weight as a float8 literal (float8 arithmetic: numeric is several times slower). */
export const weight = (value: number) => `${value}::float8`;

/** Rounds SQL points (a float8 expression) with the one rounding rule. */
export const roundSql = (sql: string) => `(round((${sql})::float8 * ${SCALE}) / ${SCALE})`;

/**
 * A point column: `weightValue` × `factorSql` (a float8 in 0..1), rounded with the one rounding
 * rule; `rounded: false` leaves it unrounded (cheaper; for upper bounds, which then add a margin).
 */
export function points(weightValue: number, factorSql: string, rounded = true): string {
  const sql = `${weight(weightValue)} * (${factorSql})`;
  return rounded ? roundSql(sql) : `(${sql})`;
}

/** Numbered query parameters (`$1`, `$2`, …), each cast to its SQL type where it is used. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(initial: unknown[] = []) {
    this.values.push(...initial);
  }

  /** Adds a value and returns its placeholder, `$n::type` (or `$n` without a type). */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }
}

/** The point column of a factor: `pt_themes` for THEMES. */
export const pointColumn = (factor: string) => `pt_${factor.toLowerCase()}`;

/** SELECT list of the point columns, in the order of `factors`. */
export function pointColumnsSql<F extends string>(factors: readonly F[], terms: Record<F, string>): string {
  return factors.map((factor) => `${terms[factor]} AS ${pointColumn(factor)}`).join(',\n ');
}

/** The score: the sum of the point columns of `alias`, always added in the order of `factors`. */
export function scoreSum(factors: readonly string[], alias: string): string {
  return factors.map((factor) => `${alias}.${pointColumn(factor)}`).join(' + ');
}

/**
 * Adds `score`, the sum of the point columns, to a query that selects them. OFFSET 0 keeps
 * PostgreSQL from inlining the inner query, which would compute every term twice.
 */
export function withScore(factors: readonly string[], inner: string): string {
  return `SELECT s.*, ${scoreSum(factors, 's')} AS score FROM (${inner} OFFSET 0) s`;
}

export interface Reason {
  factor: string;
  points: number;
  detail: string;
}

/**
 * The reasons of a result row: one per factor whose point column is not zero, with the points SQL
 * computed (so they add up to the score) and a sentence from `describe`.
 */
export function reasonsFromRow<F extends string>(
  factors: readonly F[],
  row: Record<string, unknown>,
  describe: (factor: F) => string,
): Reason[] {
  return factors
    .map((factor) => ({ factor, points: Number(row[pointColumn(factor)] ?? 0) }))
    .filter((r) => r.points > 0)
    .map((r) => ({ ...r, detail: describe(r.factor) }));
}

/** The score of a result: the sum of its reasons' points, rounded with the one rounding rule. */
export const sumOfReasons = (reasons: Array<{ points: number }>) =>
  roundPoints(reasons.reduce((sum, r) => sum + r.points, 0));

/** An eligibility rule: a name and boolean SQL over the query's aliases (`C` is what the SQL needs). */
export interface Rule<C> {
  rule: string;
  sql: (context: C) => string;
}

/** The rules ANDed, for a WHERE clause (`true` when there are none). */
export function allRules<C>(rules: ReadonlyArray<Rule<C>>, context: C): string {
  return rules.length ? rules.map((r) => r.sql(context)).join('\n AND ') : 'true';
}

/** The rules as named boolean columns (`r0`, `r1`, …), for explaining each one. */
export function ruleColumns<C>(rules: ReadonlyArray<Rule<C>>, context: C): string {
  return rules.map((r, i) => `${r.sql(context)} AS r${i}`).join(', ');
}

/** Reads the columns of `ruleColumns`: a rule passes only when its SQL is true (null fails). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ruleResults<R extends Rule<any>>(rules: readonly R[], row: Record<string, unknown>) {
  return rules.map((rule, i) => ({ rule, passed: row[`r${i}`] === true }));
}
