import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * An ISO 8601 instant: a calendar date, a time and a zone (`Z` or ±hh:mm), e.g. 2027-01-31T12:00:00Z or
 * 2027-01-31T14:00:00.000+02:00. Impossible dates (2027-02-30), other types (true, numbers) and years
 * outside 1000–9999 are refused with BAD_USER_INPUT; nothing is rolled over or silently nulled.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

function refuse(value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : `a ${typeof value}`;
  throw new GraphQLError(
    `DateTime must be an ISO 8601 date and time with a zone, e.g. 2027-01-31T12:00:00Z; got ${shown}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') refuse(value);
  const m = DATE_TIME.exec(value);
  if (!m) refuse(value);
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const valid =
    year >= 1000 &&
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day;
  const instant = new Date(value);
  if (!valid || Number.isNaN(instant.getTime())) refuse(value);
  return instant;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601 with a zone, e.g. 2027-01-31T12:00:00Z',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : { literal: ast.kind }),
});
