import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { inDays } from '../inputs.js';
import { Prng } from './prng.js';

/**
 * Generates invalid GraphQL requests for every Query and Mutation field of a schema: well-formed
 * documents that select a few scalar fields, valid-looking arguments (real ids of the fixture's
 * rows), and one value (sometimes a few) made bad, passed as variables or written inline.
 *
 * A mutation's request always holds at least one value that no correct server may accept
 * (`certain` below), so a refused request must write nothing; values that a correct server could
 * accept (e.g. "%" in a title) are only added beside such a value. Queries may get any bad value.
 */

/** A value written as-is: `literal` in a document, `json` in the variables (e.g. 1e400, bare enum names). */
export class Raw {
  constructor(
    readonly literal: string,
    readonly json: string,
  ) {}
}

/** Marks a required argument or input field left out. */
export const MISSING = Symbol('missing');

export type IdKind =
  | 'organization'
  | 'funder'
  | 'provider'
  | 'government'
  | 'network'
  | 'project'
  | 'indicator'
  | 'fund'
  | 'application'
  | 'training'
  | 'enrolment'
  | 'consultation'
  | 'invitation'
  | 'partnership'
  | 'membership'
  | 'notification';

/** Rows that exist when the fuzzing starts: the valid-looking values point at them. */
export interface World {
  ids: Record<IdKind, string>;
  slug: string;
  /** A real endCursor of each root connection field (organizations, projects, funds, …). */
  cursors: Record<string, string>;
}

export interface Operation {
  type: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
  selection: string;
}

export type BadKind =
  | 'wrong-type'
  | 'null-for-non-null'
  | 'missing-required'
  | 'unknown-enum'
  | 'unknown-field'
  | 'unknown-argument'
  | 'huge-list'
  | 'long-string'
  | 'nul-byte'
  | 'lone-surrogate'
  | 'bad-cursor'
  | 'page-size'
  | 'int-overflow'
  | 'int-domain'
  | 'float-overflow'
  | 'float-out-of-range'
  | 'bad-date'
  | 'bad-id'
  | 'bad-code'
  | 'sql-meta';

/** Relative frequency of each kind (big bodies and slow paths less often, so a run stays short). */
const KIND_WEIGHT: Partial<Record<BadKind, number>> = {
  'huge-list': 0.3,
  'long-string': 0.6,
  'bad-cursor': 3,
  'bad-date': 2,
};

export interface BadValue {
  kind: BadKind;
  label: string;
  /** Dotted path of the bad value among the arguments, e.g. input.eligibility.countriesOfOrigin.0 */
  path: string;
  certain: boolean;
}

export interface FuzzRequest {
  index: number;
  op: string;
  opType: 'query' | 'mutation';
  caller: Caller;
  mode: 'variables' | 'inline';
  /** The first is the one chosen to make the request invalid; the others are extras. */
  bad: BadValue[];
  query: string;
  variables: Record<string, unknown>;
  /** The exact HTTP body (Raw values written into the JSON). */
  body: string;
}

export type Caller = 'owner' | 'moderator' | 'anonymous';

const LONG = 200_000;
const HUGE = 70_000;
/** Huge lists stay under the 1 MB body limit: fewer items when an item is long. */
const HUGE_LIST_BYTES = 700_000;

/** The root Query and Mutation fields, each with the selection its requests ask for. */
export function operationsOf(schema: GraphQLSchema): Operation[] {
  const out: Operation[] = [];
  for (const [type, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields()))
      out.push({ type, name: field.name, field, selection: selectionFor(field.type, 0) });
  }
  return out;
}

/** A few scalar fields (id first); one level into an object field when the type has no scalar. */
export function selectionFor(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  if (leaves.length) {
    const picked = [...leaves.filter((f) => f.name === 'id'), ...leaves.filter((f) => f.name !== 'id')].slice(0, 3);
    return `{ ${picked.map((f) => f.name).join(' ')} }`;
  }
  const inner = fields.find((f) => isObjectType(getNamedType(f.type)));
  if (!inner || depth > 0) return '{ __typename }';
  return `{ ${inner.name} ${selectionFor(inner.type, depth + 1)} }`;
}

// ---------------------------------------------------------------------------------------------
// Valid-looking values

const ID_BY_NAME: Record<string, IdKind> = {
  organizationId: 'organization',
  organizationIds: 'organization',
  initiatorId: 'organization',
  funderId: 'funder',
  providerId: 'provider',
  partnerId: 'provider',
  convenerId: 'government',
  networkId: 'network',
  projectId: 'project',
  fundId: 'fund',
  trainingId: 'training',
  consultationId: 'consultation',
  indicatorId: 'indicator',
  enrolmentId: 'enrolment',
  membershipId: 'membership',
};

/** What `id` names, by the operation: updateProject → a project, cancelEnrolment → an enrolment, … */
const ID_BY_OPERATION: Array<[RegExp, IdKind]> = [
  [/Application/, 'application'],
  [/Enrolment/, 'enrolment'],
  [/Invitation/, 'invitation'],
  [/Partnership/, 'partnership'],
  [/Notification/, 'notification'],
  [/Consultation|^consultation$/, 'consultation'],
  [/Training|^trainingOffer$/, 'training'],
  [/Project|^project$/, 'project'],
  [/Fund|^fund$/, 'fund'],
  [/Organization|^organization$/, 'organization'],
];

const STRING_BY_NAME: Record<string, string> = {
  countries: 'GH',
  countriesOfOrigin: 'GH',
  countriesOfResidence: 'GB',
  countriesOfImplementation: 'GH',
  country: 'GB',
  languages: 'en',
  themes: 'EDUCATION',
  currency: 'EUR',
  email: 'fuzz-nobody@example.org',
  contactEmail: 'contact@example.org',
  website: 'https://example.org',
  password: 'correct-horse-battery',
  refreshToken: 'fuzz-not-a-refresh-token',
  search: 'school',
  title: 'Fuzz test title',
  name: 'Fuzz test name',
  city: 'London',
  locality: 'Ho, Volta Region',
  unit: 'families',
};

const INT_BY_NAME: Record<string, number> = {
  sdgs: 3,
  level: 3,
  rating: 4,
  first: 5,
  seats: 10,
  memberCount: 40,
  foundedYear: 2010,
  beneficiaries: 100,
  minOrganizationAgeYears: 1,
};

const FLOAT_BY_NAME: Record<string, number> = {
  amount: 1000,
  coFundingPercent: 10,
  minGrant: 1000,
  maxGrant: 5000,
  totalBudget: 100000,
  baseline: 0,
  target: 10,
  value: 5,
};

const DATE_BY_NAME: Record<string, string> = {
  measuredOn: '2026-01-15',
  startDate: '2027-01-15',
  endDate: '2028-06-30',
};

const DATETIME_DAYS_BY_NAME: Record<string, number> = {
  opensAt: 1,
  applicationDeadline: 20,
  closesAt: 30,
  startsAt: 30,
  deadline: 60,
  endsAt: 60,
};

interface Ctx {
  rng: Prng;
  world: World;
  op: Operation;
}

function idFor(name: string, ctx: Ctx): string {
  const kind =
    ID_BY_NAME[name] ?? (name === 'id' ? ID_BY_OPERATION.find(([re]) => re.test(ctx.op.name))?.[1] : undefined);
  return kind ? ctx.world.ids[kind] : '6f1c1f7e-3b0a-4c55-9a51-0d1f2e3a4b5c';
}

function validValue(type: GraphQLInputType, name: string, ctx: Ctx): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, name, ctx);
  if (isListType(type)) return [validValue(type.ofType, name, ctx)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields()))
      if (isNonNullType(f.type) || ctx.rng.chance(0.6)) out[f.name] = validValue(f.type, f.name, ctx);
    return out;
  }
  if (isEnumType(type)) return ctx.rng.pick(type.getValues()).name;
  switch (type.name) {
    case 'ID':
      return idFor(name, ctx);
    case 'String':
      if (name === 'after') return ctx.world.cursors[ctx.op.name] ?? 'fuzz-cursor';
      if (name === 'slug') return ctx.world.slug;
      return STRING_BY_NAME[name] ?? 'A plausible sentence written by the fuzz test.';
    case 'Int':
      return INT_BY_NAME[name] ?? 1;
    case 'Float':
      return FLOAT_BY_NAME[name] ?? 1;
    case 'Boolean':
      return ctx.rng.chance(0.5);
    case 'Date':
      return DATE_BY_NAME[name] ?? '2027-03-01';
    case 'DateTime':
      return inDays(DATETIME_DAYS_BY_NAME[name] ?? 10);
    default:
      return 'fuzz';
  }
}

/** Valid-looking arguments: every required one, each optional one with probability 0.6. */
export function validArgs(op: Operation, rng: Prng, world: World, allOptional = false): Record<string, unknown> {
  const ctx = { rng, world, op };
  const args: Record<string, unknown> = {};
  for (const a of op.field.args)
    if (allOptional || isNonNullType(a.type) || rng.chance(0.6)) args[a.name] = validValue(a.type, a.name, ctx);
  return args;
}

// ---------------------------------------------------------------------------------------------
// Bad values

interface Slot {
  path: Array<string | number>;
  type: GraphQLInputType;
  /** The argument or input field's name (for a list item, the list's). */
  name: string;
  value: unknown;
}

interface KindGen {
  kind: BadKind;
  /** No correct server may accept this value here. */
  certain: boolean;
  variants: Array<[label: string, make: () => unknown]>;
}

/** Strings whose every value is a code, an address, a secret or an id: SQL metacharacters are invalid there. */
const CODE_LIKE = new Set([
  'countries',
  'countriesOfOrigin',
  'countriesOfResidence',
  'countriesOfImplementation',
  'country',
  'languages',
  'themes',
  'currency',
  'email',
  'contactEmail',
  'website',
  'slug',
  'refreshToken',
  'after',
]);
/** Ints with a domain (pages, levels, counts, years): -1 is invalid for all of them. */
const INT_DOMAIN_HIGH: Record<string, number> = {
  sdgs: 18,
  level: 6,
  rating: 6,
  first: 101,
  seats: 10_001,
  memberCount: 2_000_000_000,
  foundedYear: 3000,
  beneficiaries: 2_000_000_001,
  minOrganizationAgeYears: 1000,
};
/** Floats that are measurements with no range (float8 columns): large finite values are not invalid. */
const FLOAT_UNBOUNDED = new Set(['baseline', 'target', 'value']);

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A cursor decoded (base64url JSON array, else two values), its values replaced, encoded again. */
function spoilCursor(cursor: unknown, spoil: (value: unknown, i: number, all: unknown[]) => unknown): string {
  let values: unknown[] = ['x', 'y'];
  try {
    const decoded: unknown = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length) values = decoded;
  } catch {
    /* not one of ours: two values */
  }
  return Buffer.from(JSON.stringify(values.map(spoil))).toString('base64url');
}
const upperUuid = () => '9E0C7B4A-1D2F-4A3B-8C5D-6E7F8A9B0C1D';

function hugeList(item: unknown): unknown[] {
  const bytes = JSON.stringify(item ?? null).length + 1;
  return new Array(Math.min(HUGE, Math.floor(HUGE_LIST_BYTES / bytes))).fill(item);
}

function wrongItem(itemType: GraphQLInputType): unknown {
  const named = getNamedType(itemType);
  if (isScalarType(named) && (named.name === 'Int' || named.name === 'Float')) return 'x';
  return 1;
}

function kindsFor(slot: Slot): KindGen[] {
  const out: KindGen[] = [];
  const last = slot.path[slot.path.length - 1];
  const isItem = typeof last === 'number';
  const nonNull = isNonNullType(slot.type);
  const type = (isNonNullType(slot.type) ? slot.type.ofType : slot.type) as GraphQLInputType;
  if (nonNull) {
    out.push({ kind: 'null-for-non-null', certain: true, variants: [['null', () => null]] });
    if (!isItem) out.push({ kind: 'missing-required', certain: true, variants: [['left out', () => MISSING]] });
  }
  if (isListType(type)) {
    const item = type.ofType as GraphQLInputType;
    const itemNamed = getNamedType(item);
    const wrong: Array<[string, () => unknown]> = [['object for list', () => ({ fuzz: 1 })]];
    if (isInputObjectType(itemNamed)) wrong.push(['string for list of objects', () => 'x']);
    else wrong.push(['list of lists', () => [[Array.isArray(slot.value) ? slot.value[0] : 'x']]]);
    out.push({ kind: 'wrong-type', certain: true, variants: wrong });
    const valid = Array.isArray(slot.value) ? slot.value[0] : undefined;
    out.push({
      kind: 'huge-list',
      certain: true,
      variants: [
        ['valid-looking items', () => hugeList(valid)],
        ['items of the wrong type', () => hugeList(wrongItem(item))],
      ],
    });
    return out;
  }
  if (isInputObjectType(type)) {
    out.push({
      kind: 'wrong-type',
      certain: true,
      variants: [
        ['string for object', () => 'x'],
        ['number for object', () => 7],
        ['list of numbers for object', () => [1]],
      ],
    });
    out.push({
      kind: 'unknown-field',
      certain: true,
      variants: [['unknown input field', () => ({ ...(slot.value as object), fuzzUnknownField: 'x' })]],
    });
    return out;
  }
  if (isEnumType(type)) {
    const some = type.getValues()[0].name;
    out.push({
      kind: 'unknown-enum',
      certain: true,
      variants: [
        ['NOT_A_VALUE', () => new Raw('NOT_A_VALUE', '"NOT_A_VALUE"')],
        ['lower-case value', () => new Raw(some.toLowerCase(), JSON.stringify(some.toLowerCase()))],
      ],
    });
    out.push({
      kind: 'wrong-type',
      certain: true,
      variants: [
        ['number for enum', () => 7],
        ['boolean for enum', () => true],
      ],
    });
    return out;
  }
  const name = slot.name;
  // a password is hashed, never stored: with enough characters any of these is a valid one
  const secret = name === 'password';
  const strings = (): KindGen[] => [
    {
      kind: 'nul-byte',
      certain: !secret,
      variants: [
        ['a\\u0000b', () => 'a\u0000b'],
        ['trailing \\u0000', () => `${typeof slot.value === 'string' ? slot.value : 'x'}\u0000`],
      ],
    },
    {
      kind: 'lone-surrogate',
      certain: !secret,
      variants: [
        ['\\ud800', () => '\ud800'],
        ['a\\udc00b', () => 'a\udc00b'],
      ],
    },
    { kind: 'long-string', certain: true, variants: [['200 KB', () => 'x'.repeat(LONG)]] },
  ];
  switch (type.name) {
    case 'Boolean':
      out.push({
        kind: 'wrong-type',
        certain: true,
        variants: [
          ['string for Boolean', () => 'true'],
          ['number for Boolean', () => 1],
        ],
      });
      break;
    case 'Int': {
      out.push({
        kind: 'wrong-type',
        certain: true,
        variants: [
          ['string for Int', () => '3'],
          ['fraction for Int', () => 1.5],
          ['boolean for Int', () => true],
        ],
      });
      out.push({
        kind: 'int-overflow',
        certain: true,
        variants: [
          ['2147483648', () => 2147483648],
          ['-2147483649', () => -2147483649],
          ['1e10', () => 1e10],
        ],
      });
      if (name === 'first')
        out.push({
          kind: 'page-size',
          certain: true,
          variants: [
            ['0', () => 0],
            ['-1', () => -1],
            ['101', () => 101],
            ['1000000', () => 1_000_000],
          ],
        });
      else
        out.push({
          kind: 'int-domain',
          certain: name in INT_DOMAIN_HIGH,
          variants: [
            ['-1', () => -1],
            ['too high', () => INT_DOMAIN_HIGH[name] ?? 2_000_000_000],
          ],
        });
      break;
    }
    case 'Float':
      out.push({
        kind: 'wrong-type',
        certain: true,
        variants: [
          ['string for Float', () => '1.5'],
          ['boolean for Float', () => true],
        ],
      });
      out.push({
        kind: 'float-overflow',
        certain: true,
        variants: [
          ['1e400', () => new Raw('1e400', '1e400')],
          ['-1e400', () => new Raw('-1e400', '-1e400')],
        ],
      });
      out.push({
        kind: 'float-out-of-range',
        certain: !FLOAT_UNBOUNDED.has(name),
        variants: [
          ['1e308', () => 1e308],
          ['-1e308', () => -1e308],
          ['1e15', () => 1e15],
          ['-1', () => -1],
        ],
      });
      break;
    case 'Date':
      out.push({
        kind: 'bad-date',
        certain: true,
        variants: [
          ['2027-02-30', () => '2027-02-30'],
          ['0000-01-01', () => '0000-01-01'],
          ['-004714-01-01', () => '-004714-01-01'],
          ['true', () => true],
          ['20270101', () => 20270101],
          ['2027-13-01', () => '2027-13-01'],
          ['date-time for Date', () => '2027-01-15T00:00:00Z'],
        ],
      });
      out.push(...strings().filter((k) => k.kind !== 'long-string'));
      break;
    case 'DateTime':
      out.push({
        kind: 'bad-date',
        certain: true,
        variants: [
          ['2027-02-30T10:00:00Z', () => '2027-02-30T10:00:00Z'],
          ['0000-01-01T00:00:00Z', () => '0000-01-01T00:00:00Z'],
          ['-004714-01-01T00:00:00Z', () => '-004714-01-01T00:00:00Z'],
          ['true', () => true],
          ['20270101', () => 20270101],
          ['date only 2027-02-30', () => '2027-02-30'],
          ['tomorrow', () => 'tomorrow'],
          ['275760-09-14T00:00:00Z', () => '+275760-09-14T00:00:00Z'],
        ],
      });
      out.push(...strings().filter((k) => k.kind !== 'long-string'));
      break;
    case 'ID':
      out.push({
        kind: 'wrong-type',
        certain: true,
        variants: [
          ['boolean for ID', () => true],
          ['fraction for ID', () => 1.5],
          ['object for ID', () => ({ id: 1 })],
        ],
      });
      out.push({
        kind: 'bad-id',
        certain: true,
        variants: [
          ['empty', () => ''],
          ['upper-case UUID of nothing', upperUuid],
          ['not a UUID', () => 'not-a-uuid'],
          ['number', () => 12345],
          ['%', () => '%'],
          ['_', () => '_'],
          ["'; --", () => "'; --"],
          ['UUID with a space', () => ` ${upperUuid().toLowerCase()}`],
        ],
      });
      out.push(...strings());
      break;
    default: {
      // String and unknown scalars
      out.push({
        kind: 'wrong-type',
        certain: true,
        variants: [
          ['number for String', () => 12345],
          ['boolean for String', () => true],
          ['object for String', () => ({ fuzz: 1 })],
          ['list for String', () => ['x']],
        ],
      });
      out.push(...strings());
      out.push({
        kind: 'sql-meta',
        certain: CODE_LIKE.has(name),
        variants: [
          ['%', () => '%'],
          ['_', () => '_'],
          ["'; --", () => "'; --"],
          ['%_\\', () => '%_\\'],
          ["' OR '1'='1", () => "' OR '1'='1"],
        ],
      });
      if (CODE_LIKE.has(name) && name !== 'after')
        out.push({
          kind: 'bad-code',
          certain: true,
          variants: [
            ['ZZ', () => 'ZZ'],
            ['QQQ', () => 'QQQ'],
            ['not-an-email', () => 'not-an-email'],
          ],
        });
      if (name === 'after')
        out.push({
          kind: 'bad-cursor',
          certain: true,
          variants: [
            ['abc', () => 'abc'],
            ['empty', () => ''],
            ['base64 JSON of the wrong shape', () => b64('{"id":"x","v":[1,2,3]}')],
            ['base64 garbage', () => b64('\u0001\u0002garbage')],
            ['base64 with a NUL', () => b64('2027-01-01\u0000x')],
            ['base64 huge number', () => b64(`1e400|${upperUuid()}`)],
            ['another connection’s cursor', () => 'b3JnYW5pemF0aW9uOjE='],
            // the real cursor with its values spoiled (right length, wrong content)
            [
              'id that is not a UUID',
              () => spoilCursor(slot.value, (v, i, all) => (i === all.length - 1 ? 'not-a-uuid' : v)),
            ],
            ['objects for values', () => spoilCursor(slot.value, () => ({ a: 1 }))],
            ['NUL in a value', () => spoilCursor(slot.value, (v) => `${String(v)}\u0000`)],
            ['dates before 4713 BC', () => spoilCursor(slot.value, () => '-004714-01-01T00:00:00Z')],
            ['huge numbers', () => spoilCursor(slot.value, () => 1e308)],
          ],
        });
    }
  }
  return out;
}

function slotsOf(op: Operation, args: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  const walk = (path: Array<string | number>, type: GraphQLInputType, name: string, value: unknown) => {
    slots.push({ path, type, name, value });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner) && Array.isArray(value) && value.length) walk([...path, 0], inner.ofType, name, value[0]);
    else if (isInputObjectType(inner) && value && typeof value === 'object')
      for (const f of Object.values(inner.getFields()))
        if ((value as Record<string, unknown>)[f.name] !== undefined)
          walk([...path, f.name], f.type, f.name, (value as Record<string, unknown>)[f.name]);
  };
  for (const a of op.field.args) if (args[a.name] !== undefined) walk([a.name], a.type, a.name, args[a.name]);
  return slots;
}

const related = (a: Array<string | number>, b: Array<string | number>) => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

function setAt(root: Record<string, unknown>, path: Array<string | number>, value: unknown, missingTop: Set<string>) {
  if (path.length === 1 && value === MISSING) {
    delete root[path[0] as string];
    missingTop.add(path[0] as string);
    return;
  }
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (value === MISSING) delete node[key];
  else node[key] = value;
}

// ---------------------------------------------------------------------------------------------
// Documents

/** A GraphQL literal for a value (enum names bare when the type is an enum). */
export function literal(value: unknown, type?: GraphQLInputType): string {
  if (value instanceof Raw) return value.literal;
  if (value === null || value === undefined) return 'null';
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, inner && isListType(inner) ? inner.ofType : undefined)).join(', ')}]`;
  if (inner && isListType(inner)) return literal(value, inner.ofType);
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string' && inner && isEnumType(inner) && inner.getValue(value)) return value;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** The HTTP body: Raw values go into the JSON as written (e.g. 1e400, which JSON.stringify cannot write). */
export function bodyOf(query: string, variables: Record<string, unknown>): string {
  const raws: string[] = [];
  const json = JSON.stringify({ operationName: 'Fuzz', query, variables }, (_key, value: unknown) =>
    value instanceof Raw ? `__FUZZ_RAW_${raws.push(value.json) - 1}__` : value,
  );
  return raws.length ? json.replace(/"__FUZZ_RAW_(\d+)__"/g, (_m, i: string) => raws[Number(i)]) : json;
}

function documentOf(
  op: Operation,
  args: Record<string, unknown>,
  missingTop: Set<string>,
  mode: FuzzRequest['mode'],
): { query: string; variables: Record<string, unknown> } {
  const decl: string[] = [];
  const uses: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const a of op.field.args) {
    const present = args[a.name] !== undefined;
    if (mode === 'inline') {
      if (present) uses.push(`${a.name}: ${literal(args[a.name], a.type)}`);
      continue;
    }
    if (!present && !missingTop.has(a.name)) continue;
    decl.push(`$${a.name}: ${a.type.toString()}`);
    uses.push(`${a.name}: $${a.name}`);
    if (present) variables[a.name] = args[a.name];
  }
  const head = `${op.type} Fuzz${decl.length ? `(${decl.join(', ')})` : ''}`;
  return { query: `${head} { ${op.name}${uses.length ? `(${uses.join(', ')})` : ''} ${op.selection} }`, variables };
}

/**
 * At most so many requests of some kinds per run (huge lists: each is a big body, and on a server
 * that validates them item by item one can stall the process for a minute). Counted as requests
 * are generated, so the sequence still depends only on the seed.
 */
export class KindLimits {
  private readonly used = new Map<BadKind, number>();

  constructor(private readonly max: Partial<Record<BadKind, number>>) {}

  allows(kind: BadKind): boolean {
    const max = this.max[kind];
    return max === undefined || (this.used.get(kind) ?? 0) < max;
  }

  count(kind: BadKind): void {
    this.used.set(kind, (this.used.get(kind) ?? 0) + 1);
  }
}

/**
 * One invalid request for `op`. A mutation's first bad value is always `certain`; with probability
 * 0.3 one or two more bad values (of any kind) go elsewhere in the arguments.
 */
export function generateRequest(
  index: number,
  op: Operation,
  rng: Prng,
  world: World,
  limits: KindLimits = new KindLimits({}),
): FuzzRequest {
  const caller = rng.pick<Caller>(['owner', 'moderator', 'anonymous']);
  const mode = rng.chance(0.65) ? 'variables' : 'inline';
  let args = validArgs(op, rng, world);
  // an operation whose optional arguments all stayed out gets them all, so there is something to spoil
  if (!op.field.args.some((a) => args[a.name] !== undefined)) args = validArgs(op, rng, world, true);
  const slots = slotsOf(op, args);
  const options = slots.flatMap((slot) =>
    kindsFor(slot)
      .filter((gen) => limits.allows(gen.kind))
      .map((gen) => ({ slot, gen })),
  );
  const primaryOptions = op.type === 'mutation' ? options.filter((o) => o.gen.certain) : options;
  const bad: BadValue[] = [];
  const missingTop = new Set<string>();
  const used: Array<Array<string | number>> = [];
  const apply = (choices: typeof options) => {
    const free = choices.filter((o) => !used.some((p) => related(p, o.slot.path)));
    if (!free.length) return;
    const kinds = [...new Set(free.map((o) => o.gen.kind))];
    const kind = rng.weighted(kinds.map((k) => [k, KIND_WEIGHT[k] ?? 1] as const));
    const { slot, gen } = rng.pick(free.filter((o) => o.gen.kind === kind));
    const [label, make] = rng.pick(gen.variants);
    setAt(args, slot.path, make(), missingTop);
    limits.count(kind);
    used.push(slot.path);
    bad.push({ kind, label, path: slot.path.join('.'), certain: gen.certain });
  };
  if (primaryOptions.length) apply(primaryOptions);
  if (rng.chance(0.3)) for (let i = 1 + rng.int(2); i > 0; i--) apply(options);
  const { query, variables } = documentOf(op, args, missingTop, mode);
  return {
    index,
    op: op.name,
    opType: op.type,
    caller,
    mode,
    bad,
    query,
    variables,
    body: bodyOf(query, variables),
  };
}

/**
 * For an operation without arguments the only invalid requests are bad documents: an unknown
 * argument, a variable that is declared but unused, or an argument written with the wrong type.
 */
export function argumentlessRequest(index: number, op: Operation, rng: Prng): FuzzRequest {
  const caller = rng.pick<Caller>(['owner', 'moderator', 'anonymous']);
  const variants: Array<[string, string, Record<string, unknown>]> = [
    ['unknown argument', `${op.type} Fuzz { ${op.name}(fuzz: 1) ${op.selection} }`, {}],
    [
      'unknown argument from a variable',
      `${op.type} Fuzz($v: String) { ${op.name}(fuzz: $v) ${op.selection} }`,
      { v: 'a\u0000b' },
    ],
    ['unused variable of an unknown type', `${op.type} Fuzz($v: NoSuchType) { ${op.name} ${op.selection} }`, { v: 1 }],
    ['1e400 literal argument', `${op.type} Fuzz { ${op.name}(first: 1e400) ${op.selection} }`, {}],
  ];
  const [label, query, variables] = rng.pick(variants);
  return {
    index,
    op: op.name,
    opType: op.type,
    caller,
    mode: Object.keys(variables).length ? 'variables' : 'inline',
    bad: [{ kind: 'unknown-argument', label, path: '-', certain: true }],
    query,
    variables,
    body: bodyOf(query, variables),
  };
}
