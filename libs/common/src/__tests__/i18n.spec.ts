import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  localizedMessage,
  NotFoundError,
  RateLimitedError,
} from '../errors/domain-error.js';
import { en } from '../i18n/catalogue.en.js';
import { es } from '../i18n/catalogue.es.js';
import { fr } from '../i18n/catalogue.fr.js';
import { chooseLocale, parseAcceptLanguage } from '../i18n/locale.js';
import {
  formatMinute,
  formatMoney,
  MessageKey,
  placeholdersOf,
  text,
  translate,
  translatePlural,
} from '../i18n/translate.js';
import { IsOptional } from 'class-validator';
import { InputValidationPipe } from '../validation/input-validation.pipe.js';
import { MaxItems, NotAFutureYear, TrimmedText } from '../validation/validators.js';

const NBSP = '\u00a0';

describe('Accept-Language', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['FR-ca', 'fr'],
    ['es_MX', 'es'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['de-DE,de;q=0.9,es;q=0.5,en;q=0.4', 'es'],
    ['en;q=0.2, fr;q=0.8', 'fr'],
    ['en;q=0.5, fr;q=0.5', 'en'],
    [' es ; q=1.0 , fr', 'es'],
    ['de, it', null],
    ['fr;q=0', null],
    ['fr;q=abc, es;q=0.1', 'es'],
    ['*', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (header, locale) => {
    expect(parseAcceptLanguage(header)).toBe(locale);
  });

  it('reads a header given several times', () => {
    expect(parseAcceptLanguage(['de', 'es-ES;q=0.3'])).toBe('es');
  });

  it('falls back to the preferred language, then English', () => {
    expect(chooseLocale('fr-BE', 'es')).toBe('fr');
    expect(chooseLocale(undefined, 'fr')).toBe('fr');
    expect(chooseLocale('de, it', 'es')).toBe('es');
    expect(chooseLocale('de', 'de')).toBe('en');
    expect(chooseLocale(undefined, undefined)).toBe('en');
  });
});

describe('the catalogues', () => {
  const keys = Object.keys(en).sort();
  it.each([
    ['fr', fr],
    ['es', es],
  ])('%s has exactly the keys of en', (_name, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(keys);
  });

  it.each([
    ['fr', fr],
    ['es', es],
  ])('%s uses exactly the placeholders of en in every sentence', (_name, catalogue) => {
    for (const key of keys as MessageKey[]) {
      expect({ key, placeholders: placeholdersOf(catalogue[key]).sort() }).toEqual({
        key,
        placeholders: placeholdersOf(en[key]).sort(),
      });
    }
  });

  it('fills placeholders with strings, numbers in the locale’s notation, lists and money', () => {
    expect(translate('fr', 'eligibility.RESIDENCE.failed', { countries: ['BE', 'NL', 'LU'] })).toBe(
      'Le fonds accepte les organisations basées en BE, NL, LU',
    );
    expect(translate('en', 'eligibility.RESIDENCE.failed', { countries: [] })).toBe(
      'The fund accepts organizations based in none',
    );
    expect(translate('es', 'eligibility.RESIDENCE.failed', { countries: [] })).toBe(
      'El fondo acepta organizaciones con sede en ninguno',
    );
    expect(translate('en', 'eligibility.ORGANIZATION_SIZE.failed', { members: 12000 })).toContain(
      'at most 12000 members',
    );
    expect(translate('fr', 'eligibility.ORGANIZATION_SIZE.failed', { members: 12000 })).toContain(
      `au plus 12\u202f000${NBSP}membres`,
    );
    expect(
      translate('fr', 'eligibility.TOTAL_PROJECT_BUDGET.failed', { max: { money: 250000.5, currency: 'EUR' } }),
    ).toContain('ne dépasse pas 250\u202f000,5 EUR');
    expect(formatMoney('en', 250000.5, 'EUR')).toBe('EUR 250,000.5');
    expect(translate('fr', 'errors.notFound')).toBe('{what} introuvable');
  });

  it('writes dates to the minute in UTC and decimals as each language does (English as the notifications always did)', () => {
    const deadline = { date: '2031-03-05T14:07:59.999Z' };
    const params = { fund: 'F', organization: 'O', score: { decimal: 0.7, digits: 2 }, deadline };
    expect(translate('en', 'notifications.FUND_MATCH.body', params)).toBe(
      '"F" fits O (match score 0.70). Deadline: 2031-03-05 14:07 UTC.',
    );
    expect(translate('fr', 'notifications.FUND_MATCH.body', params)).toBe(
      `«${NBSP}F${NBSP}» correspond à O (score de correspondance 0,70). Date limite${NBSP}: 5 mars 2031 à 14:07 UTC.`,
    );
    expect(translate('es', 'notifications.FUND_MATCH.body', params)).toBe(
      '«F» encaja con O (puntuación de afinidad 0,70). Plazo: 5 de marzo de 2031 a las 14:07 UTC.',
    );
    // midnight UTC stays on its day whatever the process's time zone; a date that is not one stays as given
    expect(formatMinute('fr', '2031-12-31T23:59:00Z')).toBe('31 décembre 2031 à 23:59');
    expect(formatMinute('es', 'soon')).toBe('soon');
  });

  it('chooses plural forms by the locale’s rules (French 0 and 1 are singular)', () => {
    const params = { topic: '', saturation: 5 };
    expect(translatePlural('en', 'counterpartReason.PROJECTS', 0, params)).toMatch(/^Runs 0 live projects \(/);
    expect(translatePlural('en', 'counterpartReason.PROJECTS', 1, params)).toMatch(/^Runs 1 live project \(/);
    expect(translatePlural('fr', 'counterpartReason.PROJECTS', 0, params)).toMatch(/^Mène 0.projet en cours \(/);
    expect(translatePlural('fr', 'counterpartReason.PROJECTS', 3, params)).toMatch(/^Mène 3.projets en cours \(/);
  });
});

describe('errors in the request’s language', () => {
  it('keeps the English message as thrown and writes the text in other languages', () => {
    const notFound = new NotFoundError('Organization', 'abc');
    expect(localizedMessage(notFound, 'en')).toBe('Organization abc was not found');
    expect(localizedMessage(notFound, 'fr')).toBe('Organisation abc introuvable');
    expect(localizedMessage(notFound, 'es')).toBe('No se encontró la organización abc');
    expect(localizedMessage(new NotFoundError('Fund, organization or project'), 'fr')).toBe(
      'Fonds, organisation ou projet introuvable',
    );
    expect(localizedMessage(new RateLimitedError(30), 'fr')).toBe(
      `Trop de tentatives${NBSP}; réessayez dans 30${NBSP}s`,
    );
  });

  it('joins alternatives with the locale’s "or"', () => {
    const params = {
      roles: { alternatives: ['OWNER', 'ADMIN'] },
      organization: 'Acme',
      action: { key: 'actions.invite members' as const },
    };
    expect(translate('en', 'errors.rolesOnly', params)).toBe('Only OWNER or ADMIN of Acme may invite members');
    expect(translate('fr', 'errors.rolesOnly', params)).toBe(
      'Seuls les OWNER ou ADMIN de Acme peuvent inviter des membres',
    );
  });

  it('takes a catalogue Text as the message: its English is the message, other languages its translation', () => {
    const error = new ConflictError(text('errors.enrolment.notOpen', { status: 'DRAFT' }));
    expect(error.message).toBe('The training is DRAFT, not open for enrolment');
    expect(error.text).toEqual({ key: 'errors.enrolment.notOpen', params: { status: 'DRAFT' } });
    expect(localizedMessage(error, 'fr')).toBe(
      `La formation est DRAFT${NBSP}: elle n’est pas ouverte aux inscriptions`,
    );
    expect(localizedMessage(error, 'es')).toBe('La formación está en estado DRAFT: no está abierta a inscripciones');
    const bad = new BadInputError(
      'input.endsAt',
      text('validation.after', { field: 'input.endsAt', other: 'input.startsAt' }),
    );
    expect(bad.message).toBe('input.endsAt must be after input.startsAt');
    expect(bad.extensions.field).toBe('input.endsAt');
    expect(localizedMessage(bad, 'fr')).toBe('Le champ input.endsAt doit être postérieur à input.startsAt');
    const forbidden = new ForbiddenError(text('errors.member.ownerRemovesOwner'));
    expect([forbidden.code, forbidden.message]).toEqual(['FORBIDDEN', 'Only an OWNER may remove an OWNER']);
    expect(localizedMessage(forbidden, 'es')).toBe('Solo un OWNER puede quitar a un OWNER');
  });

  it('renders lists: "A, B or C", sentences joined by a key, nested texts, a capitalized start', () => {
    expect(
      translate('fr', 'errors.application.decisionStatus', { field: 'status', statuses: { anyOf: ['A', 'B', 'C'] } }),
    ).toBe(`Le champ status doit valoir A, B ou C${NBSP}: le candidat dépose et retire, le financeur décide`);
    const sentences = {
      list: [text('errors.training.noCountry'), 'FR', text('errors.training.noLanguage')],
      separator: 'common.sentenceBreak' as const,
    };
    expect(translate('en', 'common.listOf', { items: sentences })).toBe('no country. FR. no language given');
    expect(translate('es', 'common.listOf', { items: sentences })).toBe('ningún país. FR. ningún idioma indicado');
    expect(translate('en', 'common.listOf', { items: { list: ['BE', text('errors.training.noCountry')] } })).toBe(
      'BE, no country',
    );
    expect(translate('fr', 'common.listOf', { items: { capitalized: text('subjects.a fund') } })).toBe('Un fonds');
  });

  it('leaves an error without a text (or naming an unknown thing) in English', () => {
    expect(localizedMessage(new ConflictError('Something specific'), 'fr')).toBe('Something specific');
    expect(localizedMessage(new NotFoundError('Gadget', 'x'), 'fr')).toBe('Gadget x was not found');
    expect(localizedMessage(new BadInputError('input.x', 'input.x is odd'), 'es')).toBe('input.x is odd');
  });
});

class Input {
  @TrimmedText(2, 200)
  name: string;

  @IsOptional()
  @MaxItems(3)
  countries?: string[];

  @IsOptional()
  @NotAFutureYear()
  foundedYear?: number;
}

describe('validation messages name the field in the request’s language', () => {
  const pipe = new InputValidationPipe();
  const refusal = async (value: object) =>
    (await pipe
      .transform(value, { type: 'body', metatype: Input, data: 'input' })
      .catch((e: unknown) => e)) as BadInputError;

  it.each([
    [
      { name: 'x' },
      'input.name must be at least 2 characters',
      `Le champ input.name doit contenir au moins 2${NBSP}caractères`,
    ],
    [
      { name: 'x'.repeat(201) },
      'input.name must be at most 200 characters',
      `Le champ input.name doit contenir au plus 200${NBSP}caractères`,
    ],
    [{ name: 42 }, 'input.name must be a string', 'Le champ input.name doit être un texte'],
    [
      { name: 'ok', countries: ['A', 'B', 'C', 'D'] },
      'input.countries must have at most 3 items',
      `Le champ input.countries doit contenir au plus 3${NBSP}éléments`,
    ],
    [
      { name: 'ok', foundedYear: 3000 },
      'input.foundedYear must not be in the future',
      'Le champ input.foundedYear ne doit pas être dans le futur',
    ],
  ])('%j', async (value, english, french) => {
    const error = await refusal(value);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.extensions.field).toBe(english.split(' ')[0]);
    expect(localizedMessage(error, 'en')).toBe(english);
    expect(localizedMessage(error, 'fr')).toBe(french);
  });
});
