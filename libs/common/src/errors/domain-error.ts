import { DEFAULT_LOCALE, Locale } from '../i18n/locale.js';
import { hasTranslation, isMessageKey, text, Text, translateText } from '../i18n/translate.js';

/** An error's message: the English sentence, or a catalogue Text (its English is the message, the Text its `text`). */
export type Message = string | Text;

function englishOf(message: Message): string {
  return typeof message === 'string' ? message : translateText(DEFAULT_LOCALE, message);
}

function textOf(message: Message, given?: Text): Text | undefined {
  return given ?? (typeof message === 'string' ? undefined : message);
}

/** The error codes clients see in `extensions.code` (docs/domain.md, "Errors"). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database or another service the API needs is unreachable: HTTP 503 with Retry-After; try again. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/**
 * An expected error: mapped to a GraphQL error with its code and never logged as a server fault.
 * `message` is the English sentence; `text` (a catalogue key and its values) is the same sentence
 * for the other languages: the API answers `localizedMessage(error, locale)` in the request's
 * language (docs/architecture.md, "Languages of the API's sentences"). `message` may itself be a
 * Text: its English (catalogue.en.ts) is then the message, and it is the error's `text`.
 */
export class DomainError extends Error {
  readonly text?: Text;

  constructor(
    readonly code: ErrorCode,
    message: Message,
    readonly extensions: Record<string, unknown> = {},
    text?: Text,
  ) {
    super(englishOf(message));
    this.text = textOf(message, text);
    this.name = new.target.name;
  }
}

/**
 * The error's message in `locale`: the English message it was thrown with (always, in English), or
 * its `text` in the locale's catalogue; the English message when it has no text or the catalogue
 * lacks the key.
 */
export function localizedMessage(error: DomainError, locale: Locale): string {
  if (locale === DEFAULT_LOCALE || !error.text || !hasTranslation(locale, error.text.key)) return error.message;
  return translateText(locale, error.text);
}

/** The catalogue key of a thing NOT_FOUND names (`nouns.<what>`), if the catalogue has one. */
function noun(what: string): Text | null {
  const key = `nouns.${what}`;
  return isMessageKey(key) ? text(key) : null;
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    const thing = noun(what);
    super(
      ErrorCode.NOT_FOUND,
      id ? `${what} ${id} was not found` : `${what} was not found`,
      {},
      thing
        ? id
          ? text('errors.notFoundWithId', { what: thing, id })
          : text('errors.notFound', { what: thing })
        : undefined,
    );
  }
}

export class BadInputError extends DomainError {
  /** `field` is the input path, e.g. "input.countriesOfOrigin"; `message` in English, `text` in any language. */
  constructor(field: string, message: Message, extra: Record<string, unknown> = {}, text?: Text) {
    super(ErrorCode.BAD_USER_INPUT, message, { field, ...extra }, text);
  }
}

export class ConflictError extends DomainError {
  constructor(message: Message, text?: Text) {
    super(ErrorCode.CONFLICT, message, {}, text);
  }
}

const FORBIDDEN = 'You are not allowed to do this';

export class ForbiddenError extends DomainError {
  constructor(message: Message = FORBIDDEN, text?: Text) {
    super(ErrorCode.FORBIDDEN, message, {}, text ?? (message === FORBIDDEN ? { key: 'errors.forbidden' } : undefined));
  }
}

const UNAUTHENTICATED = 'Sign in to do this';

export class UnauthenticatedError extends DomainError {
  constructor(message: Message = UNAUTHENTICATED, text?: Text) {
    super(
      ErrorCode.UNAUTHENTICATED,
      message,
      {},
      text ?? (message === UNAUTHENTICATED ? { key: 'errors.unauthenticated' } : undefined),
    );
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      ErrorCode.RATE_LIMITED,
      `Too many attempts; try again in ${retryAfterSeconds} seconds`,
      { retryAfterSeconds },
      text('errors.rateLimited', { seconds: retryAfterSeconds }),
    );
  }
}

const UNAVAILABLE = 'The service is temporarily unavailable; try again shortly';

/** An infrastructure failure (database down, pool exhausted): never reported as the client's fault. */
export class ServiceUnavailableError extends DomainError {
  constructor(retryAfterSeconds = 5, message = UNAVAILABLE, text?: Text) {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      message,
      { retryAfterSeconds, http: { status: 503 } },
      text ?? (message === UNAVAILABLE ? { key: 'errors.unavailable' } : undefined),
    );
  }
}
