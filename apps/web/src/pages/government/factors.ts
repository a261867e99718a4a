import i18n, { LANGUAGES, type Language } from '../../i18n';
import { translations, type Tree } from '../../i18n/resources';

/**
 * The shared ReasonsBar names a factor by `funding.factor.<FACTOR>`; the counterpart finder's factors
 * (ORIGIN, MEMBERS, BALANCE…) are named in this workspace's locale files (`government.factor`) and
 * added there, in each language once its strings are loaded (French and Spanish load when chosen:
 * adding to a language not loaded yet would make i18next take it for loaded), so the bar shows words
 * rather than codes.
 */
let registered = false;
export function registerCounterpartFactors() {
  if (registered) return;
  registered = true;
  const add = (language: string) => {
    const factors = ((translations[language as Language]?.government as Tree | undefined)?.factor ?? {}) as Tree;
    for (const [factor, label] of Object.entries(factors))
      if (typeof label === 'string' && !i18n.exists(`funding.factor.${factor}`, { lng: language, fallbackLng: [] }))
        i18n.addResource(language, 'translation', `funding.factor.${factor}`, label);
  };
  for (const language of LANGUAGES) if (i18n.hasResourceBundle(language, 'translation')) add(language);
  i18n.on('loaded', (loaded: Record<string, unknown>) => Object.keys(loaded).forEach(add));
}

/** Why an organization is invited, in words: its score and each reason's factor and detail. */
export function reasonText(
  reasons: readonly { factor: string; points: number; detail: string }[],
  score: number,
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
): string {
  const points = (x: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(x * 100);
  const parts = reasons
    .filter((r) => r.points > 0)
    .map((r) => `${t(`funding.factor.${r.factor}`, { defaultValue: r.factor })} (${points(r.points)}): ${r.detail}`);
  return [t('funding.reasons.score', { total: points(score) }), ...parts].join(' — ').slice(0, 2000);
}
