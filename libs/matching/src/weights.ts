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
