/**
 * Every weight the matching uses, in one place. Each group sums to 1, so scores stay in 0..1.
 *
 * Partner suggestions (domain.md, "Partner suggestions"): organizations of a complementary kind that
 * share themes and countries.
 *  - THEMES: share of the organization's themes that the candidate shares.
 *  - GEOGRAPHY: share of the organization's countries (community origin + project countries) that the
 *    candidate knows (origin, residence or project countries).
 *  - ORIGIN_PRESENCE: the candidate is based where the diaspora comes from (or, seen from an NGO, local
 *    authority or company, the diaspora organization comes from where the candidate works).
 *  - NETWORK: both belong to the same diaspora network (or one is the other's network).
 */
export const PARTNER_WEIGHTS = {
  THEMES: 0.4,
  GEOGRAPHY: 0.3,
  ORIGIN_PRESENCE: 0.2,
  NETWORK: 0.1,
} as const;

/**
 * Fund score (domain.md, "Matching"): the sum of these weighted factors, in 0..1.
 *  - THEMES: share of the fund's themes that the organization (and its project) work on — the largest weight.
 *  - SDGS: share of the fund's SDGs that the project names (projects only).
 *  - GEOGRAPHY: half for a residence country the fund names (rather than "any"), half for an
 *    implementation country it names (with a project) or an origin country it names (without).
 *  - BUDGET: funding sought inside the grant range earns all; outside it decays with the relative
 *    distance, exp(−3·d). Projects only, in the fund's currency.
 *  - TEXT: full-text relevance of the organization's (and project's) text to the fund's words,
 *    ts_rank normalised to 0..1 (rank/(rank+1)), doubled and capped at 1.
 *  - PRIORITY: the organization is women-led / youth-led where the fund prioritises it (split when both).
 */
export const FUND_WEIGHTS = {
  THEMES: 0.35,
  SDGS: 0.15,
  GEOGRAPHY: 0.15,
  BUDGET: 0.15,
  TEXT: 0.1,
  PRIORITY: 0.1,
} as const;

/** Budget decay rate: points × exp(−BUDGET_DECAY × relative distance outside the grant range). */
export const BUDGET_DECAY = 3;
