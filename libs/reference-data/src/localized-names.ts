import { createRequire } from 'node:module';
import { BadInputError, text } from '@app/common';

const require = createRequire(import.meta.url);
let isoCountries: typeof import('i18n-iso-countries') | undefined;

/** i18n-iso-countries with the portal's languages, loaded when a country is first named (not at every start). */
function countryNames(): typeof import('i18n-iso-countries') {
  if (!isoCountries) {
    isoCountries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
    for (const locale of ['fr', 'es']) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));
  }
  return isoCountries;
}

/** The languages the reference data answers in (the portal's); any other asks for English. */
export const REFERENCE_LANGUAGES = ['en', 'fr', 'es'] as const;
export type ReferenceLanguage = (typeof REFERENCE_LANGUAGES)[number];

/**
 * The language of a `language` argument: a BCP 47 tag whose primary language is used ("fr-CA" → fr);
 * English for languages without data. BAD_USER_INPUT naming `language` for what is not a language tag.
 */
export function referenceLanguage(tag: string | null | undefined): ReferenceLanguage {
  if (tag === null || tag === undefined) return 'en';
  if (tag.length > 35 || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) {
    throw new BadInputError('language', text('validation.languageTag', { field: 'language' }));
  }
  const primary = tag.split('-')[0].toLowerCase();
  return (REFERENCE_LANGUAGES as readonly string[]).includes(primary) ? (primary as ReferenceLanguage) : 'en';
}

/** The country's name in `language` (i18n-iso-countries); `fallback` (the stored English name) without one. */
export function countryName(code: string, language: ReferenceLanguage, fallback: string): string {
  return language === 'en' ? fallback : (countryNames().getName(code, language) ?? fallback);
}

const languageNames = new Map(
  REFERENCE_LANGUAGES.map((l) => [l, new Intl.DisplayNames([l], { type: 'language', fallback: 'none' })]),
);

/** The ISO 639-1 language's name in `language` (Intl.DisplayNames), lower case as French and Spanish write them. */
export function languageName(code: string, language: ReferenceLanguage, fallback: string): string {
  return language === 'en' ? fallback : (languageNames.get(language)!.of(code) ?? fallback);
}

/** The themes' names in French and Spanish (English: the stored name). A theme added later keeps its stored name. */
export const THEME_NAMES: Record<string, Record<Exclude<ReferenceLanguage, 'en'>, string>> = {
  HIGHLY_SKILLED_MIGRATION: { fr: 'Migration hautement qualifiée', es: 'Migración altamente cualificada' },
  LABOUR_MIGRATION: { fr: 'Migration de travail', es: 'Migración laboral' },
  DOMESTIC_WORK: { fr: 'Travail domestique', es: 'Trabajo doméstico' },
  CIRCULAR_MIGRATION_AND_RETURN: { fr: 'Migration circulaire et retour', es: 'Migración circular y retorno' },
  REMITTANCES: { fr: 'Transferts de fonds', es: 'Remesas' },
  DIASPORA_INVESTMENT: { fr: 'Investissement de la diaspora', es: 'Inversión de la diáspora' },
  ENTREPRENEURSHIP: { fr: 'Entrepreneuriat', es: 'Emprendimiento' },
  CAPACITY_BUILDING: { fr: 'Renforcement des capacités', es: 'Fortalecimiento de capacidades' },
  HUMAN_RIGHTS_AND_PROTECTION: { fr: 'Droits humains et protection', es: 'Derechos humanos y protección' },
  GENDER: { fr: 'Genre', es: 'Género' },
  RECOGNITION_OF_QUALIFICATIONS: { fr: 'Reconnaissance des qualifications', es: 'Reconocimiento de cualificaciones' },
  IRREGULAR_MIGRATION_AND_TRAFFICKING: {
    fr: 'Migration irrégulière et traite des êtres humains',
    es: 'Migración irregular y trata de personas',
  },
  CLIMATE_AND_DISPLACEMENT: { fr: 'Climat et déplacements', es: 'Clima y desplazamiento' },
  POLICY_COHERENCE: { fr: 'Cohérence des politiques', es: 'Coherencia de políticas' },
  EDUCATION: { fr: 'Éducation', es: 'Educación' },
  HEALTH: { fr: 'Santé', es: 'Salud' },
  FINANCIAL_INCLUSION: { fr: 'Inclusion financière', es: 'Inclusión financiera' },
  AGRICULTURE_AND_RURAL_DEVELOPMENT: { fr: 'Agriculture et développement rural', es: 'Agricultura y desarrollo rural' },
  KNOWLEDGE_TRANSFER: { fr: 'Transfert de connaissances', es: 'Transferencia de conocimientos' },
};

export function themeName(code: string, language: ReferenceLanguage, fallback: string): string {
  return language === 'en' ? fallback : (THEME_NAMES[code]?.[language] ?? fallback);
}

/** Rows with their names in `language`, sorted by that name as the language sorts. */
export function localized<T extends { code: string; name: string }>(
  rows: T[],
  language: ReferenceLanguage,
  nameOf: (code: string, language: ReferenceLanguage, fallback: string) => string,
): T[] {
  if (language === 'en') return rows;
  const collator = new Intl.Collator(language);
  return rows
    .map((row) => ({ ...row, name: nameOf(row.code, language, row.name) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
