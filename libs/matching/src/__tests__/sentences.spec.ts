import { translateText } from '@app/common';
import type { Organization } from '@app/organizations';
import type { Project } from '@app/projects';
import { balanceShortlist, counterpartReasons, ScoredCounterpart } from '../dialogue-counterparts.service.js';
import { eligibilityText } from '../eligibility-text.js';
import { describe as describeFactor, FundFacts } from '../fund-matching.service.js';
import { ELIGIBILITY_RULES, ruleDetail } from '../fund-matching.sql.js';
import { partnerReasons } from '../partner-suggestions.service.js';
import { explainTrainingMatch } from '../training-matching.service.js';
import { COUNTERPART_SATURATION as SAT } from '../weights.js';

const NBSP = '\u00a0';

/** Fund rows as FUND_COLUMNS_SELECT reads them, varied so that every failure sentence shows its values. */
const FUNDS: Array<Record<string, unknown>> = [
  {
    currency: 'EUR',
    min_grant: '5000.00',
    eligible_organization_kinds: ['NGO', 'DIASPORA_ORGANIZATION'],
    eligible_countries_of_residence: ['BE', 'NL', 'LU'],
    eligible_regions_of_residence: ['FR-IDF'],
    excluded_countries_of_residence: ['DE'],
    eligible_countries_of_origin: ['SN', 'ML'],
    min_organization_age_years: 3,
    min_organization_annual_income: '10000.00',
    max_organization_annual_income: '250000.50',
    max_organization_members: 1500,
    required_themes: ['HEALTH'],
    eligible_countries_of_implementation: ['SN'],
    eligible_project_kinds: ['DEVELOPMENT'],
    excluded_project_kinds: ['ADVOCACY'],
    max_total_project_budget: '1234567.89',
    co_funding_percent: '20.00',
  },
  {
    currency: 'GBP',
    min_grant: '750.5',
    eligible_organization_kinds: [],
    eligible_countries_of_residence: [],
    eligible_regions_of_residence: [],
    excluded_countries_of_residence: [],
    eligible_countries_of_origin: [],
    min_organization_age_years: 10,
    min_organization_annual_income: '500.00',
    max_organization_annual_income: null,
    max_organization_members: 20,
    required_themes: [],
    eligible_countries_of_implementation: [],
    eligible_project_kinds: [],
    excluded_project_kinds: [],
    max_total_project_budget: '99.5',
    co_funding_percent: '33.3',
  },
];
FUNDS.push({
  ...FUNDS[1],
  currency: 'USD',
  min_organization_annual_income: null,
  max_organization_annual_income: '75000.00',
});

describe('eligibility sentences', () => {
  const english = (rule: (typeof ELIGIBILITY_RULES)[number], passed: boolean, fund: Record<string, unknown>) =>
    passed ? rule.passed : typeof rule.failed === 'string' ? rule.failed : rule.failed(fund);

  it('the catalogue has every rule, passed and failed, and its English is the rule’s own sentence', () => {
    for (const rule of ELIGIBILITY_RULES) {
      for (const fund of FUNDS) {
        for (const passed of [true, false]) {
          const text = eligibilityText(rule.rule, passed, fund);
          expect({ rule: rule.rule, passed, has: text !== null }).toEqual({ rule: rule.rule, passed, has: true });
          expect(translateText('en', text!)).toBe(english(rule, passed, fund));
          expect(ruleDetail(rule, passed, fund)).toBe(english(rule, passed, fund));
        }
      }
    }
  });

  it('every rule reads in French and Spanish', () => {
    for (const rule of ELIGIBILITY_RULES) {
      for (const passed of [true, false]) {
        for (const locale of ['fr', 'es'] as const) {
          const sentence = ruleDetail(rule, passed, FUNDS[0], locale);
          expect({ rule: rule.rule, locale, translated: sentence !== english(rule, passed, FUNDS[0]) }).toEqual({
            rule: rule.rule,
            locale,
            translated: true,
          });
        }
      }
    }
  });

  it('failures name the accepted values, amounts in the locale’s notation', () => {
    const rule = (name: string) => ELIGIBILITY_RULES.find((r) => r.rule === name)!;
    expect(ruleDetail(rule('RESIDENCE'), false, FUNDS[0], 'fr')).toBe(
      'Le fonds accepte les organisations basées en BE, NL, LU',
    );
    expect(ruleDetail(rule('RESIDENCE'), false, FUNDS[0], 'es')).toBe(
      'El fondo acepta organizaciones con sede en BE, NL, LU',
    );
    expect(ruleDetail(rule('ANNUAL_INCOME'), false, FUNDS[0], 'fr')).toContain(
      'compris entre 10\u202f000 EUR et 250\u202f000,5 EUR',
    );
    expect(ruleDetail(rule('ANNUAL_INCOME'), false, FUNDS[0], 'en')).toContain('from EUR 10,000 to EUR 250,000.5');
    expect(ruleDetail(rule('ANNUAL_INCOME'), false, FUNDS[2], 'fr')).toContain('d’au plus 75\u202f000 USD');
    expect(ruleDetail(rule('CO_FUNDING'), false, FUNDS[1], 'fr')).toBe(
      `Le fonds demande aux candidats de cofinancer 33,3${NBSP}% du projet${NBSP}: le financement demandé ne doit pas dépasser 66,7${NBSP}% du budget du projet (les deux doivent être renseignés)`,
    );
    expect(ruleDetail(rule('ORGANIZATION_KIND'), false, FUNDS[1], 'fr')).toBe(
      `Le fonds accepte les organisations de ces types${NBSP}: aucun`,
    );
  });

  it('a rule the catalogues do not know keeps its own English sentence in every language', () => {
    const rule = { ...ELIGIBILITY_RULES[0], rule: 'SOMETHING_NEW', passed: 'New: met', failed: 'New: not met' };
    expect(ruleDetail(rule, true, {}, 'fr')).toBe('New: met');
    expect(ruleDetail(rule, false, {}, 'es')).toBe('New: not met');
  });
});

describe('fund match reasons', () => {
  const fund: FundFacts = {
    id: 'f',
    currency: 'EUR',
    minGrant: '10000.00',
    maxGrant: null,
    themes: ['HEALTH', 'EDUCATION', 'WATER'],
    sdgs: [3, 4],
    eligibleCountriesOfResidence: ['BE'],
    eligibleCountriesOfOrigin: ['SN'],
    eligibleCountriesOfImplementation: ['SN', 'ML'],
    prioritizesWomenLed: true,
    prioritizesYouthLed: false,
    prioritizesDiasporaLed: true,
    prioritizesSmallOrganizations: false,
    prioritizesFirstTimeApplicants: true,
    prioritizedOriginCountries: [],
  };
  const organization = {
    themes: ['HEALTH', 'CULTURE'],
    countriesOfResidence: ['BE'],
    countriesOfOrigin: ['SN'],
    womenLed: true,
    youthLed: false,
    kind: 'DIASPORA_ORGANIZATION',
    memberCount: 40,
    foundedYear: 2001,
    annualIncome: '43000.00',
    annualIncomeCurrency: 'GBP',
  } as unknown as Organization;
  const project = {
    themes: ['HEALTH', 'WATER'],
    sdgs: [3],
    countries: ['SN', 'GM'],
    kind: 'HUMANITARIAN',
    fundingSoughtAmount: '15000.00',
    fundingSoughtCurrency: 'EUR',
  } as unknown as Project;
  const reason = (factor: string, locale: 'en' | 'fr' | 'es') =>
    describeFactor(factor, fund, organization, project, new Map(), true, true, locale);

  it('English is what it always was', () => {
    expect(reason('THEMES', 'en')).toBe(
      "The fund covers 2 of the project's 2 themes (HEALTH, WATER); 2 of the fund's 3 themes in common: HEALTH, WATER",
    );
    expect(reason('SDGS', 'en')).toBe("The project names 1 of the fund's 2 SDGs: SDG 3");
    expect(reason('GEOGRAPHY', 'en')).toBe(
      "1 of the project's 2 countries named by the fund (SN); based in BE, named by the fund; community from SN, named by the fund; the project runs in the community's country of origin (SN)",
    );
    expect(reason('BUDGET', 'en')).toBe('Seeks EUR 15,000; the fund grants 10000.00–any EUR');
    expect(reason('PRIORITY', 'en')).toBe('The fund prioritises women-led, diaspora-led organizations');
    expect(reason('CAPACITY', 'en')).toBe(
      'A grant of EUR 15,000 against what the organization has shown: founded in 2001, awarded a grant before, completed a project with measured results, annual income GBP 43,000',
    );
    expect(reason('KIND', 'en')).toBe("A HUMANITARIAN project serves the fund's themes HEALTH");
    expect(reason('TEXT', 'en')).toBe('Its description uses the words of the fund');
  });

  it('French and Spanish say the same', () => {
    expect(reason('THEMES', 'fr')).toBe(
      `Le fonds couvre 2 des 2${NBSP}thèmes du projet (HEALTH, WATER)${NBSP}; 2 des 3${NBSP}thèmes du fonds en commun${NBSP}: HEALTH, WATER`,
    );
    expect(reason('SDGS', 'fr')).toBe(`Le projet cite 1 des 2${NBSP}ODD du fonds${NBSP}: ODD${NBSP}3`);
    expect(reason('GEOGRAPHY', 'fr')).toBe(
      `1 des 2${NBSP}pays du projet cités par le fonds (SN)${NBSP}; basée en BE, que le fonds cite${NBSP}; communauté originaire de SN, que le fonds cite${NBSP}; le projet est mené dans le pays d’origine de la communauté (SN)`,
    );
    expect(reason('BUDGET', 'fr')).toBe(
      `Demande 15\u202f000 EUR${NBSP}; le fonds accorde à partir de 10\u202f000${NBSP}EUR`,
    );
    expect(reason('PRIORITY', 'fr')).toBe(
      'Le fonds donne la priorité aux organisations dirigées par des femmes, portées par la diaspora',
    );
    expect(reason('CAPACITY', 'fr')).toBe(
      `Une subvention de 15\u202f000 EUR au regard de ce que l’organisation a démontré${NBSP}: fondée en 2001, déjà subventionnée, a mené à bien un projet aux résultats mesurés, revenu annuel de 43\u202f000 GBP`,
    );
    expect(reason('KIND', 'fr')).toBe('Un projet de type HUMANITARIAN répond aux thèmes du fonds HEALTH');
    expect(reason('BUDGET', 'es')).toBe('Solicita 15.000 EUR; el fondo concede desde 10.000 EUR');
  });
});

describe('training, partner and counterpart reasons', () => {
  const training = {
    id: 't',
    format: 'HYBRID',
    country: 'BE',
    city: 'Brussels',
    seats: 10,
    covered: ['FUNDRAISING'],
    need_count: 2,
    shared_languages: ['fr'],
    language_required: false,
    online: false,
    member_count: 12,
    legally_registered: true,
    org_kind: 'NGO',
    residence: ['BE'],
    eligible_kinds: ['NGO'],
    audience_countries: ['BE'],
    audience_regions: [],
    taken: 10,
    waiting: 3,
    avg_rating: 4.25,
    ratings: 8,
    pt_needs: 0.2,
    pt_language: 0.1,
    pt_place: 0.1,
    pt_subsidy: 0.05,
    pt_rating: 0.05,
  };

  it('trainings', () => {
    const en = explainTrainingMatch(training as never).map((r) => r.detail);
    expect(en).toEqual([
      'Covers 1 of your 2 needs: FUNDRAISING',
      'Taught in fr, which you use',
      'Hybrid in Brussels, BE, where you are based',
      'Subsidised places for small organizations: you have 12 members',
      'Rated 4.3 of 5 by 8 participants',
      'Eligible: open to NGO: you are NGO; for organizations based in BE: you are based in BE',
      'All 10 seats are taken: enrolling now joins the waiting list (3 waiting)',
    ]);
    const fr = explainTrainingMatch(training as never, 'fr').map((r) => r.detail);
    expect(fr).toEqual([
      `Couvre 1 de vos 2${NBSP}besoins${NBSP}: FUNDRAISING`,
      'Donnée en fr, langue que vous utilisez',
      'Hybride, à Brussels, BE, où votre organisation est basée',
      `Places subventionnées pour les petites organisations${NBSP}: votre organisation compte 12${NBSP}membres`,
      `Notée 4,3 sur 5 par 8${NBSP}participants`,
      `Éligible${NBSP}: ouverte aux types NGO${NBSP}: votre organisation est de type NGO${NBSP}; réservée aux organisations basées en BE${NBSP}: la vôtre est basée en BE`,
      `Les 10${NBSP}places sont prises${NBSP}: en vous inscrivant maintenant, vous rejoignez la liste d’attente (3 en attente)`,
    ]);
  });

  it('partners', () => {
    const row = {
      id: 'p',
      shared_themes: ['HEALTH'],
      shared_countries: ['SN', 'ML'],
      source_themes: 2,
      source_countries: 3,
      in_origin: true,
      shares_network: true,
      pt_themes: 0.1,
      pt_geography: 0.1,
      pt_origin_presence: 0.1,
      pt_network: 0.1,
    };
    expect(partnerReasons(row, true).map((r) => r.detail)).toEqual([
      'Shares 1 of 2 themes: HEALTH',
      'Knows 2 of 3 of your countries: SN, ML',
      'Based in a country your community comes from',
      'Belongs to the same diaspora network',
    ]);
    expect(partnerReasons(row, false, 'fr').map((r) => r.detail)).toEqual([
      `Partage 1 de vos 2${NBSP}thèmes${NBSP}: HEALTH`,
      `Connaît 2 de vos 3${NBSP}pays${NBSP}: SN, ML`,
      'Sa communauté est originaire d’un pays où vous travaillez',
      'Appartient au même réseau de la diaspora',
    ]);
  });

  it('counterparts and the balanced shortlist', () => {
    const row = {
      id: 'c',
      shared_origin: ['SN'],
      shared_residence: [],
      shared_themes: ['HEALTH'],
      shared_languages: [],
      topic_projects: 1,
      topic_contributions: 0,
      member_count: 120,
      member_organizations: 0,
      active_partnerships: 2,
      pt_origin: 0.1,
      pt_themes: 0.1,
      pt_projects: 0.1,
      pt_members: 0.1,
      pt_partnerships: 0.1,
    };
    const query = { countriesOfOrigin: ['SN', 'ML'], themes: ['HEALTH'], topic: 'water' };
    const en = counterpartReasons(row as never, query).map((r) => r.detail);
    expect(en).toContain(
      `Runs 1 live project on the topic (themes HEALTH; origin ML, SN; “water”) (log scale; ${SAT.PROJECTS} or more earn all points)`,
    );
    expect(en).toContain('2 active partnerships');
    const fr = counterpartReasons(row as never, query, 'fr').map((r) => r.detail);
    expect(fr[0]).toBe(`Représente la communauté originaire de SN (1 des 2${NBSP}pays d’origine demandés)`);
    expect(fr.find((d) => d.startsWith('Mène'))).toMatch(
      new RegExp(
        `^Mène 1${NBSP}projet en cours sur le sujet \\(thèmes HEALTH${NBSP}; origine ML, SN${NBSP}; «${NBSP}water${NBSP}»\\)`,
      ),
    );
    expect(fr).toContain(`2${NBSP}partenariats actifs`);

    const pool: ScoredCounterpart[] = [
      { id: 'a', kind: 'NGO', womenLed: true, residence: ['BE'], origin: ['SN', 'ML'], score: 0.5, reasons: [] },
    ];
    const [picked] = balanceShortlist(pool, 1, undefined, 'fr');
    expect(picked.reasons.find((r) => r.factor === 'BALANCE')?.detail).toBe(
      `ajoute le pays de résidence BE${NBSP}; ajoute les communautés d’origine ML, SN${NBSP}; ajoute le type NGO${NBSP}; ajoute une organisation dirigée par des femmes`,
    );
    const [english] = balanceShortlist(pool, 1);
    expect(english.reasons.find((r) => r.factor === 'BALANCE')?.detail).toBe(
      'adds residence country BE; adds origin communities ML, SN; adds kind NGO; adds a women-led organization',
    );
  });
});
