import { TestApp } from './support/test-app.js';

const COUNTRIES = `query($l: String) { countries(language: $l) { code name region } }`;
const LANGUAGES = `query($l: String) { languages(language: $l) { code name } }`;
const THEMES = `query($l: String) { themes(language: $l) { code name description } }`;

type Named = { code: string; name: string };
const nameOf = (rows: Named[], code: string) => rows.find((r) => r.code === code)?.name;

describe('Reference data in the requested language (issue 14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  const countries = async (l?: string) => (await t.ok(COUNTRIES, { l })).countries as Named[];
  const languages = async (l?: string) => (await t.ok(LANGUAGES, { l })).languages as Named[];
  const themes = async (l?: string) => (await t.ok(THEMES, { l })).themes as Named[];

  it('names countries in English by default and in French or Spanish when asked, sorted as the language sorts', async () => {
    const [en, fr, es] = [await countries(), await countries('fr'), await countries('es')];
    expect(nameOf(en, 'DE')).toBe('Germany');
    expect(nameOf(fr, 'DE')).toBe('Allemagne');
    expect(nameOf(es, 'DE')).toBe('Alemania');
    expect(nameOf(fr, 'SN')).toBe('Sénégal');
    expect(fr.map((c) => c.code).sort()).toEqual(en.map((c) => c.code).sort());
    const collator = new Intl.Collator('fr');
    expect(fr.map((c) => c.name)).toEqual([...fr.map((c) => c.name)].sort(collator.compare));
    // "Égypte" sorts with the Es in French, not after Z
    const egypt = fr.findIndex((c) => c.code === 'EG');
    expect(fr[egypt + 1].name.localeCompare('F', 'fr')).toBeLessThan(0);
  });

  it('names languages and themes in the requested language; a region tag uses its language', async () => {
    expect(nameOf(await languages(), 'en')).toBe('English');
    expect(nameOf(await languages('es'), 'en')).toBe('inglés');
    expect(nameOf(await languages('fr-CA'), 'de')).toBe('allemand');
    const [en, fr, es] = [await themes(), await themes('fr'), await themes('es-MX')];
    expect(nameOf(en, 'EDUCATION')).toBe('Education');
    expect(nameOf(fr, 'EDUCATION')).toBe('Éducation');
    expect(nameOf(es, 'REMITTANCES')).toBe('Remesas');
    // every seeded theme has its French and Spanish name
    for (const theme of en) {
      expect(nameOf(fr, theme.code)).not.toBe(theme.name);
      expect(nameOf(es, theme.code)).not.toBe(theme.name);
    }
  });

  it('answers English for a language without data, and BAD_USER_INPUT naming language for what is not a tag', async () => {
    expect(nameOf(await countries('de'), 'DE')).toBe('Germany');
    expect(nameOf(await themes('sw'), 'HEALTH')).toBe('Health');
    for (const bad of ['', 'français', 'fr_FR; DROP', 'x'.repeat(40)]) {
      const res = await t.gql(THEMES, { l: bad });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    }
  });
});
