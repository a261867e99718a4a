import pg from 'pg';

const TEXT_ARRAY = 1009;
const VARCHAR_ARRAY = 1015;
const TIMESTAMPTZ = 1184;

/**
 * node-postgres's parsers for the values every list page reads most — text arrays (countries, themes,
 * languages of each organization) and timestamps — with a direct path for the common forms: an array of
 * unquoted elements is split on its commas, and an ISO timestamp is read digit by digit into Date.UTC. Anything
 * else (quoted or nested elements, BC, infinity, other styles) goes to the usual parsers, so results are the
 * same (`__tests__/type-parsers.spec.ts` compares both).
 */
export const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (format !== 'binary') {
      if (oid === TEXT_ARRAY || oid === VARCHAR_ARRAY) return parseTextArray;
      if (oid === TIMESTAMPTZ) return parseInstant;
    }
    return usual(oid, format ?? 'text');
  },
};

/** node-postgres's own parser of a type (its TypeId lists only some of PostgreSQL's oids). */
export const usual = (oid: number, format: 'text' | 'binary' = 'text') =>
  pg.types.getTypeParser(oid as never, format) as (value: string) => unknown;
const slowTextArray = usual(TEXT_ARRAY);
const slowInstant = usual(TIMESTAMPTZ);

export function parseTextArray(value: string): unknown {
  if (value === '{}') return [];
  // PostgreSQL quotes an element with a comma, brace, quote, backslash or space, an empty one and the text NULL
  if (value.charCodeAt(0) !== 123 /* { */) return slowTextArray(value);
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 /* " */ || c === 92 /* \ */ || c === 123 /* { */) return slowTextArray(value);
  }
  const elements: Array<string | null> = value.slice(1, -1).split(',');
  if (value.includes('NULL')) elements.forEach((e, i) => (elements[i] = e === 'NULL' ? null : e));
  return elements;
}

/** The digit at `i` of `text`. */
const digit = (text: string, i: number) => text.charCodeAt(i) - 48;

/**
 * `2026-11-29 20:49:24.123+00`, `…+05:30`, `…-03`: what PostgreSQL writes for timestamptz (DateStyle ISO), read by
 * character codes (a regular expression and its captures cost as much as the rest); years 1000–9999, else the usual parser.
 */
export function parseInstant(value: string): unknown {
  const n = value.length;
  if (n < 22 || value.charCodeAt(4) !== 45 || value.charCodeAt(10) !== 32 || value.charCodeAt(0) === 48) {
    return slowInstant(value);
  }
  let i = 19;
  let ms = 0;
  if (value.charCodeAt(19) === 46 /* . */) {
    // the first three digits are milliseconds; further ones (microseconds) are cut off, as postgres-date does
    for (let scale = 100, c = value.charCodeAt(++i); c >= 48 && c <= 57; c = value.charCodeAt(++i), scale /= 10) {
      ms += (c - 48) * scale;
    }
    ms = Math.trunc(ms);
  }
  const sign = value.charCodeAt(i);
  if ((sign !== 43 && sign !== 45) || (n !== i + 3 && n !== i + 6)) return slowInstant(value);
  let offset = (digit(value, i + 1) * 10 + digit(value, i + 2)) * 60;
  if (n === i + 6) offset += digit(value, i + 4) * 10 + digit(value, i + 5);
  const time = Date.UTC(
    digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3),
    digit(value, 5) * 10 + digit(value, 6) - 1,
    digit(value, 8) * 10 + digit(value, 9),
    digit(value, 11) * 10 + digit(value, 12),
    digit(value, 14) * 10 + digit(value, 15),
    digit(value, 17) * 10 + digit(value, 18),
    ms,
  );
  return new Date(time - (sign === 45 ? -1 : 1) * offset * 60_000);
}
