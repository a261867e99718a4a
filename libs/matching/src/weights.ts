/**
 * Every weight the matching uses, in one place. Each group sums to 1, so scores stay in 0..1.
 *
 * Partner suggestions (docs/domain.md, "Partner suggestions"): organizations of a complementary kind that
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
 * Fund score (docs/matching.md, for funders): the sum of these weighted factors, in 0..1.
 *  - THEMES: the project's purpose first, see THEME_BLEND — the largest weight.
 *  - KIND: the fund covers a theme the project's kind serves (KIND_THEMES). Projects only.
 *  - SDGS: share of the fund's SDGs that the project names (projects only).
 *  - GEOGRAPHY: see GEOGRAPHY_BLEND.
 *  - BUDGET: funding sought, converted into the fund's currency at the reference rates, inside the
 *    grant range earns all; outside it decays with the relative distance, exp(−3·d). Projects only.
 *  - TEXT: full-text relevance of the organization's (and project's) text to the fund's words,
 *    ts_rank normalised to 0..1 (rank/(rank+1)), times TEXT_SCALE, capped at 1.
 *  - PRIORITY: the share of the fund's priorities the organization meets (women-led, youth-led,
 *    diaspora-led, small, first-time applicant, prioritised community of origin).
 *  - CAPACITY: the grant's size against the organization's age, track record and income, see
 *    CAPACITY_SCALE.
 */
export const FUND_WEIGHTS = {
  THEMES: 0.3,
  KIND: 0.05,
  SDGS: 0.15,
  GEOGRAPHY: 0.1,
  BUDGET: 0.15,
  TEXT: 0.1,
  PRIORITY: 0.1,
  CAPACITY: 0.05,
} as const;

/**
 * KIND: the work a kind of project does, as the themes it serves. A project earns the KIND points when
 * the fund covers one of the themes of its kind: a maternal-health clinic (SOCIAL_INVESTMENT) fits a
 * fund about health, a drought-relief distribution (EMERGENCY_RELIEF) does not, whatever themes the
 * organization tags. Relief and in-kind kinds serve few development themes on purpose.
 */
export const KIND_THEMES: Record<string, string[]> = {
  ENTREPRENEURSHIP: [
    'ENTREPRENEURSHIP',
    'DIASPORA_INVESTMENT',
    'FINANCIAL_INCLUSION',
    'AGRICULTURE_AND_RURAL_DEVELOPMENT',
  ],
  SOCIAL_INVESTMENT: [
    'DIASPORA_INVESTMENT',
    'EDUCATION',
    'HEALTH',
    'AGRICULTURE_AND_RURAL_DEVELOPMENT',
    'FINANCIAL_INCLUSION',
    'CLIMATE_AND_DISPLACEMENT',
    'GENDER',
  ],
  POLICY_ADVOCACY: [
    'POLICY_COHERENCE',
    'HUMAN_RIGHTS_AND_PROTECTION',
    'LABOUR_MIGRATION',
    'DOMESTIC_WORK',
    'IRREGULAR_MIGRATION_AND_TRAFFICKING',
    'GENDER',
    'RECOGNITION_OF_QUALIFICATIONS',
  ],
  KNOWLEDGE_TRANSFER: ['KNOWLEDGE_TRANSFER', 'HIGHLY_SKILLED_MIGRATION', 'EDUCATION', 'HEALTH', 'CAPACITY_BUILDING'],
  RETURN_AND_REINTEGRATION: ['CIRCULAR_MIGRATION_AND_RETURN', 'LABOUR_MIGRATION', 'RECOGNITION_OF_QUALIFICATIONS'],
  REMITTANCES: ['REMITTANCES', 'FINANCIAL_INCLUSION', 'DIASPORA_INVESTMENT'],
  CAPACITY_BUILDING: ['CAPACITY_BUILDING', 'EDUCATION', 'KNOWLEDGE_TRANSFER', 'GENDER'],
  HUMANITARIAN: ['HUMAN_RIGHTS_AND_PROTECTION', 'CLIMATE_AND_DISPLACEMENT', 'HEALTH'],
  EMERGENCY_RELIEF: ['CLIMATE_AND_DISPLACEMENT'],
  IN_KIND_DONATION: [],
  CONSTRUCTION: ['EDUCATION', 'HEALTH', 'AGRICULTURE_AND_RURAL_DEVELOPMENT'],
};

/**
 * CAPACITY: whether the grant sought suits what the organization has shown it can manage. The grant's
 * size (the project's funding sought, or without a project the fund's largest grant, in euros) asks for
 * a share of the full track record: nothing up to SMALL_GRANT_EUR, all of it from LARGE_GRANT_EUR,
 * on a logarithmic scale between. The organization's capacity is the larger of
 *  - its track record: a third each for being ESTABLISHED_YEARS old or more, an earlier grant awarded on
 *    the platform, and a completed project with measured indicators;
 *  - its annual income against the grant (an income at least the grant's size is full capacity).
 * Points: all when the capacity covers what the grant asks, less by the shortfall. Small grants earn
 * every organization all the points; large ones favour organizations that have shown they can run them.
 */
export const CAPACITY_SCALE = { SMALL_GRANT_EUR: 10_000, LARGE_GRANT_EUR: 200_000, ESTABLISHED_YEARS: 3 } as const;

/**
 * How THEMES is made (shares of its weight, summing to 1):
 *  - ANY: the fund covers at least one theme of the project or the organization;
 *  - PURPOSE: the share of the project's own themes the fund covers (without a project, of the
 *    organization's themes): what the project is for, and tagging many themes does not help;
 *  - COVERAGE: the share of the fund's themes the project and organization cover together (small,
 *    so that a broad fund is hardly penalised; one more theme in common always adds points).
 */
export const THEME_BLEND = { ANY: 0.4, PURPOSE: 0.4, COVERAGE: 0.2 } as const;

/**
 * How GEOGRAPHY is made with a project (shares of its weight, summing to 1); without a project,
 * half RESIDENCE and half ORIGIN:
 *  - IMPLEMENTATION: the share of the project's countries that the fund names for implementation;
 *  - RESIDENCE: the organization is based in a country the fund names;
 *  - ORIGIN: its community of origin is one the fund names or prioritises;
 *  - HOMELAND: the project runs in the organization's own country of origin.
 */
export const GEOGRAPHY_BLEND = { IMPLEMENTATION: 0.4, RESIDENCE: 0.2, ORIGIN: 0.2, HOMELAND: 0.2 } as const;

/**
 * ts_rank of the fund's words (OR-ed) in a description-weight text is about 0.2 × the share of the
 * words it uses: × 20 gives full TEXT points to a text using about a quarter of them (× 2 left TEXT
 * at 0.001–0.01 points). Measured on the judged set (test/matching-quality), funder→organizations
 * nDCG@5 / @10: 0.880 / 0.916 at × 2, 0.883 / 0.918 at × 5, 0.895 / 0.928 at × 10, 0.908 / 0.913 at × 20.
 */
export const TEXT_SCALE = 20;

/** Budget decay rate: points × exp(−BUDGET_DECAY × relative distance outside the grant range). */
export const BUDGET_DECAY = 3;

/**
 * Training score (docs/matching.md, "Trainings"): the sum of these weighted factors, in 0..1, over the
 * offers whose eligibility rules the organization meets (TRAINING_RULES in training-rules.sql.ts, the same
 * SQL enrol checks): KIND (the offer's eligible kinds, empty = any), RESIDENCE (its audience countries and
 * regions of residence, empty = everywhere), LANGUAGE (with languageRequired, one of its languages).
 *  - NEEDS: share of the organization's needs (capacity areas assessed at level ≤ 2 in its latest
 *    self-assessment) that the offer covers — the largest weight. No assessment, no needs: 0.
 *  - LANGUAGE: the offer is taught in a language the organization uses (required or not).
 *  - PLACE: ONLINE offers anywhere; IN_PERSON/HYBRID offers held in a country where the organization is based.
 *  - SUBSIDY: the offer has subsidised places and the organization has fewer than 50 members or no
 *    legal registration (GFMD 2007: "subsidies to migrant leaders to participate").
 *  - RATING: average participant rating / 5 (no ratings yet: 0).
 * A full offer stays listed with a WAITLIST reason worth 0 points; the audience rules an offer sets and the
 * organization meets are an AUDIENCE reason worth 0 points.
 */
export const TRAINING_WEIGHTS = {
  NEEDS: 0.45,
  LANGUAGE: 0.15,
  PLACE: 0.15,
  SUBSIDY: 0.1,
  RATING: 0.15,
} as const;

/** Organizations below this member count (or without legal registration) earn the SUBSIDY points. */
export const SMALL_ORGANIZATION_MEMBERS = 50;

/**
 * Dialogue counterparts (docs/matching.md, "Dialogue counterparts"): organizations a government may consult.
 * Candidates are the organizations that speak for migrant and diaspora communities: DIASPORA_ORGANIZATION,
 * MIGRANT_ASSOCIATION, DIASPORA_NETWORK, and the civil society that the GFMD civil-society days
 * also seat — TRADE_UNION (migrant workers' centres), FAITH_BASED (migrant communities) and NGO.
 * Funders, public bodies, international organizations, companies, training providers and academics
 * are not candidates (they sit on the government's side of the table or do not represent anyone).
 * Countries of origin and residence, languages and verifiedOnly are hard filters (SQL WHERE, `&&` on the
 * GIN-indexed arrays); themes are a ranking factor, and a filter only with requireThemes: true.
 * The score is in 0..1.
 * Relevance (0.65), each the share of what the query asks for (0 when the query does not ask):
 *  - ORIGIN: share of the query's countries of origin whose community the organization represents.
 *  - RESIDENCE: share of the query's residence countries where it is based.
 *  - THEMES: share of the query's themes it works on (declared themes).
 *  - LANGUAGES: share of the query's languages it works in.
 * What it does on the topic — the topic being the query's themes, countries of origin and topic words;
 * a query that asks none of them counts everything:
 *  - PROJECTS: its live projects (not archived, not cancelled) on the topic — sharing an asked theme, of a
 *    project kind that is an asked theme's work (THEME_PROJECT_KINDS), held in an asked country of origin,
 *    or using a word of the topic — log scale, ln(1 + n) / ln(1 + 3).
 *  - CONTRIBUTIONS: past consultations it contributed to on the topic (the consultation shares an asked theme
 *    or country of origin, or it or the contribution uses a word of the topic), same log scale.
 * Representativeness (0.35):
 *  - VERIFIED: verified on the platform.
 *  - DEMOCRATIC_GOVERNANCE: elected leadership accountable to members.
 *  - MEMBERS: member count on a log scale, ln(1 + n) / ln(1 + COUNTERPART_SATURATION.MEMBERS), capped at 1.
 *  - MEMBER_ORGANIZATIONS: a network's accepted member organizations, same log scale.
 *  - PARTNERSHIPS: ACTIVE partnerships, same log scale.
 * Ties: score desc, then id.
 *
 * balanced: true takes the pool of the top max(3·first, 50) and picks greedily, each step the
 * candidate with the highest (1 − BALANCE_SHARE)·score + diversity bonus: BALANCE_RESIDENCE when it
 * adds a residence country the list lacks, BALANCE_ORIGIN when it adds an origin community (country of
 * origin) the list lacks, BALANCE_KIND when it adds a kind, BALANCE_WOMEN_LED when it is women-led while
 * at most half of the list so far is; ties keep the ranked order. The list is returned in pick order.
 * The bonus is a BALANCE reason ("adds residence country IT; adds origin community SN; …") and the other
 * reasons are scaled by (1 − BALANCE_SHARE), so reasons still add up to the score and it stays in 0..1.
 * Points are point columns of the SQL kit (one rounding rule, 4 decimals), so the sum of the reasons is exact.
 */
export const COUNTERPART_WEIGHTS = {
  ORIGIN: 0.15,
  RESIDENCE: 0.1,
  THEMES: 0.15,
  LANGUAGES: 0.05,
  PROJECTS: 0.12,
  CONTRIBUTIONS: 0.08,
  VERIFIED: 0.08,
  DEMOCRATIC_GOVERNANCE: 0.08,
  MEMBERS: 0.08,
  MEMBER_ORGANIZATIONS: 0.05,
  PARTNERSHIPS: 0.06,
} as const;

/** Counts at which the log-scaled factors reach their full weight. */
export const COUNTERPART_SATURATION = {
  MEMBERS: 5000,
  MEMBER_ORGANIZATIONS: 20,
  PARTNERSHIPS: 10,
  PROJECTS: 3,
  CONTRIBUTIONS: 3,
} as const;

/** The diversity bonuses of balanced: true; BALANCE_SHARE is their sum (the share of the score they take). */
export const COUNTERPART_BALANCE = {
  BALANCE_RESIDENCE: 0.1,
  BALANCE_ORIGIN: 0.1,
  BALANCE_KIND: 0.05,
  BALANCE_WOMEN_LED: 0.05,
  BALANCE_SHARE: 0.3,
  /** Pool for the greedy re-rank: the top max(POOL_FACTOR × first, MIN_POOL) by score. */
  POOL_FACTOR: 3,
  MIN_POOL: 50,
} as const;
