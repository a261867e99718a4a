import pg from 'pg';

const TEXT_ARRAY = 1009;
const VARCHAR_ARRAY = 1015;
const TIMESTAMPTZ = 1184;

/** `2026-11-29 20:49:24.123+00`, `…+05:30`: what PostgreSQL writes for timestamptz (DateStyle ISO), years 1000–9999. */
const INSTANT = /^([1-9]\d{3})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d{1,6})?([+-])(\d\d)(?::(\d\d))?$/;

/**
 * node-postgres's parsers for the values every list page reads most — text arrays (countries, themes,
 * languages of each organization) and timestamps — with a direct path for the common forms: an array of
 * unquoted elements is split on its commas, and an ISO timestamp becomes a Date through Date.UTC. Anything
 * else (quoted or nested elements, BC, infinity, other styles) goes to the usual parsers, so results are the
 * same; `test/type-parsers` compares both on many values.
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
  if (value.charCodeAt(0) !== 123 /* { */ || /["\\{]/.test(value.slice(1))) return slowTextArray(value);
  return value
    .slice(1, -1)
    .split(',')
    .map((element) => (element === 'NULL' ? null : element));
}

export function parseInstant(value: string): unknown {
  const m = INSTANT.exec(value);
  if (!m) return slowInstant(value);
  const ms = m[7] ? Math.trunc(1000 * Number(m[7])) : 0;
  const offset = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0)) * 60_000;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms) - offset);
}
