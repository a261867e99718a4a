import type { TestApp } from '../test-app.js';
import { dataSource } from '../fixtures.js';
import type { FuzzRequest } from './generator.js';

export interface Outcome {
  request: FuzzRequest;
  status: number;
  ms: number;
  /** The parsed body, or the raw text when it was not JSON. */
  body: unknown;
  codes: string[];
  /** Why this response breaks a rule: HTTP_5xx, INTERNAL_SERVER_ERROR, NO_CODE, NOT_GRAPHQL, NO_RESPONSE, ACCEPTED. */
  problems: string[];
  /** For INTERNAL_SERVER_ERROR: the first line of what the server logged for this request. */
  cause?: string;
}

/** Problem classes that fail the run. */
export const FAILING = ['HTTP_5xx', 'INTERNAL_SERVER_ERROR', 'NO_CODE', 'NOT_GRAPHQL', 'NO_RESPONSE', 'ACCEPTED'];

/**
 * Mutations that may answer success to a bad value because they change nothing for it: logout of
 * a refresh token that does not exist answers true (signing out twice is not an error). Their
 * successes are counted as ACCEPTED_NO_OP, not failures; the table checksum still holds them.
 */
export const NO_OP_MUTATIONS = new Set(['logout']);

/**
 * Sends requests from `next` (called in index order, so the sequence depends only on the seed)
 * with `concurrency` in flight, each with the caller's token and x-request-id `${prefix}-${index}`.
 */
export async function send(
  t: TestApp,
  tokens: Record<string, string | undefined>,
  count: number,
  concurrency: number,
  prefix: string,
  next: (index: number) => FuzzRequest,
  progress: (line: string) => void = () => undefined,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(count);
  let issued = 0;
  let done = 0;
  const started = performance.now();
  let slowest: Outcome | undefined;
  const worker = async () => {
    while (issued < count) {
      const request = next(issued++);
      const outcome = await sendOne(t, tokens[request.caller], `${prefix}-${request.index}`, request);
      outcomes[request.index] = outcome;
      if (!slowest || outcome.ms > slowest.ms) slowest = outcome;
      if (++done % 500 === 0 || done === count) {
        const r = slowest.request;
        progress(
          `${done}/${count} requests in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
            `slowest of these: #${r.index} ${r.op} ${r.bad[0]?.kind} (${r.bad[0]?.label}) ${slowest.ms.toFixed(0)} ms`,
        );
        slowest = undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

async function sendOne(t: TestApp, token: string | undefined, requestId: string, request: FuzzRequest) {
  const started = performance.now();
  let status = 0;
  let body: unknown;
  const problems: string[] = [];
  try {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: request.body,
      signal: AbortSignal.timeout(60_000),
    });
    status = res.status;
    const text = await res.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = text.slice(0, 300);
    }
  } catch (error) {
    problems.push('NO_RESPONSE');
    body = String(error);
  }
  const ms = performance.now() - started;
  const codes: string[] = [];
  if (status >= 500) problems.push('HTTP_5xx');
  const gql = body as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: unknown } }> };
  if (status && (typeof body !== 'object' || body === null || (!('data' in gql) && !Array.isArray(gql.errors))))
    problems.push('NOT_GRAPHQL');
  else if (status) {
    for (const error of gql.errors ?? []) {
      const code = error.extensions?.code;
      if (typeof code !== 'string') problems.push('NO_CODE');
      else {
        codes.push(code);
        if (code === 'INTERNAL_SERVER_ERROR') problems.push('INTERNAL_SERVER_ERROR');
      }
    }
    if (request.opType === 'mutation' && !gql.errors?.length)
      problems.push(NO_OP_MUTATIONS.has(request.op) ? 'ACCEPTED_NO_OP' : 'ACCEPTED');
  }
  return { request, status, ms, body, codes, problems: [...new Set(problems)] };
}

/**
 * Captures what the API logs about requests whose id starts with `prefix` (the stack of each
 * unexpected error: "request <id> at <path>: <stack>") and keeps it off the console.
 */
export function captureServerLog(prefix: string) {
  const causes = new Map<string, string>();
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write);
  const pattern = new RegExp(`request (${prefix}-\\d+) at ([^:]*): ([^\\n]*)`);
  streams.forEach((stream, i) => {
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      const text = String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
      const m = pattern.exec(text);
      if (m) {
        if (!causes.has(m[1])) causes.set(m[1], `${m[3].trim()} (at ${m[2]})`);
        return true;
      }
      return (originals[i] as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
  });
  return {
    causes,
    stop() {
      streams.forEach((stream, i) => (stream.write = originals[i]));
    },
  };
}

export interface TableState {
  digest: string;
  rows: string[];
}

/** Every table of schema public with its rows (as text, sorted) and a digest of them. */
export async function tableStates(t: TestApp, exclude: string[] = []): Promise<Map<string, TableState>> {
  const ds = dataSource(t);
  const tables = (
    (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as Array<{
      tablename: string;
    }>
  )
    .map((r) => r.tablename)
    .filter((name) => !exclude.includes(name));
  const out = new Map<string, TableState>();
  for (const table of tables) {
    const rows = ((await ds.query(`SELECT x::text AS row FROM "${table}" x ORDER BY 1`)) as Array<{ row: string }>).map(
      (r) => r.row,
    );
    const [{ digest }] = await ds.query(
      `SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS digest FROM "${table}" x`,
    );
    out.set(table, { digest, rows });
  }
  return out;
}

/** Tables whose digest changed, with up to three rows added and removed each. */
export function tableChanges(before: Map<string, TableState>, after: Map<string, TableState>): string[] {
  const out: string[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(table);
    const b = after.get(table);
    if (a?.digest === b?.digest) continue;
    const was = new Set(a?.rows ?? []);
    const is = new Set(b?.rows ?? []);
    const added = [...is].filter((r) => !was.has(r));
    const removed = [...was].filter((r) => !is.has(r));
    out.push(
      `${table}: ${a?.rows.length ?? 'absent'} → ${b?.rows.length ?? 'absent'} rows, ${added.length} added/changed, ${removed.length} removed/changed`,
      ...added.slice(0, 3).map((r) => `    + ${cut(r, 300)}`),
      ...removed.slice(0, 3).map((r) => `    - ${cut(r, 300)}`),
    );
  }
  return out;
}

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`;
}

/** Variables for display: long strings and lists shortened, control characters visible. */
export function shortJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 40)}…(${v.length} chars)`;
    if (Array.isArray(v) && v.length > 4) return [...v.slice(0, 3), `…(${v.length} items)`];
    if (v && typeof v === 'object' && 'literal' in v && 'json' in v) return `RAW ${(v as { json: string }).json}`;
    return v;
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** A request slower than this is listed (not failed: timing on a shared machine is no assertion). */
export const SLOW_MS = 5000;

function tally<T>(items: T[], keys: (item: T) => string[]): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const item of items) for (const k of keys(item)) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const list = (entries: Array<[string, number]>, max = Infinity) =>
  entries
    .slice(0, max)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') + (entries.length > max ? `, … ${entries.length - max} more` : '');

/** The class of a failing response: its failing problems and the cause (server log) or the error message. */
function classOf(o: Outcome): string {
  const problems = o.problems.filter((p) => FAILING.includes(p)).join('+');
  if (o.problems.includes('ACCEPTED')) {
    // each accepted bad value is its own finding
    const b = o.request.bad.find((x) => x.certain) ?? o.request.bad[0];
    return `${problems}: ${o.request.op} succeeded with ${b?.kind} (${b?.label}) at ${b?.path}`;
  }
  const text =
    o.cause?.replace(/ \(at [^)]*\)$/, '') ??
    (o.problems.includes('NO_RESPONSE') ? String(o.body) : firstMessage(o)) ??
    '';
  return `${problems}: ${cut(normalize(text), 160)}`;
}

/** The figures of a run and, when it fails, what a developer needs to reproduce each failure class. */
export function summarize(
  outcomes: Outcome[],
  causes: Map<string, string>,
  prefix: string,
  seconds: number,
  changes: string[],
  seed: number,
): { failed: number; text: string } {
  for (const o of outcomes) o.cause = causes.get(`${prefix}-${o.request.index}`);
  const failing = outcomes.filter((o) => o.problems.some((p) => FAILING.includes(p)));
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const kindsOf = (o: Outcome) => [...new Set(o.request.bad.map((b) => b.kind))];
  const meanMs = tally(outcomes, (o) => [o.request.bad[0]?.kind ?? '-']).map(([kind, n]): [string, number] => [
    kind,
    Math.round(outcomes.filter((o) => o.request.bad[0]?.kind === kind).reduce((sum, o) => sum + o.ms, 0) / n),
  ]);
  const slow = outcomes.filter((o) => o.ms > SLOW_MS);
  const lines = [
    `Fuzz run: seed ${seed} (repeat with FUZZ_SEED=${seed}), ${outcomes.length} requests in ${seconds.toFixed(1)} s ` +
      `(${(outcomes.length / seconds).toFixed(0)}/s); latency p50 ${percentile(ms, 0.5).toFixed(0)} ms, ` +
      `p99 ${percentile(ms, 0.99).toFixed(0)} ms, max ${ms[ms.length - 1].toFixed(0)} ms`,
    `HTTP 5xx: ${outcomes.filter((o) => o.status >= 500).length}; INTERNAL_SERVER_ERROR: ${
      outcomes.filter((o) => o.problems.includes('INTERNAL_SERVER_ERROR')).length
    }; failing requests: ${failing.length}; tables changed: ${changes.filter((l) => !l.startsWith(' ')).length}; ` +
      `no-op successes (${[...NO_OP_MUTATIONS].join(', ')}): ${outcomes.filter((o) => o.problems.includes('ACCEPTED_NO_OP')).length}`,
    `Requests by first bad-input kind: ${list(tally(outcomes, (o) => [o.request.bad[0]?.kind ?? '-']))}`,
    `Requests with more than one bad value: ${outcomes.filter((o) => o.request.bad.length > 1).length}; ` +
      `inline: ${outcomes.filter((o) => o.request.mode === 'inline').length}; ` +
      `by caller: ${list(tally(outcomes, (o) => [o.request.caller]))}`,
    `Error codes: ${list(tally(outcomes, (o) => (o.codes.length ? [...new Set(o.codes)] : ['(none)'])))}`,
    `Mean latency by kind (ms): ${list(meanMs)}`,
    `Slower than ${SLOW_MS} ms: ${slow.length}${
      slow.length
        ? ` (${list(
            tally(slow, (o) => [`${o.request.op}/${o.request.bad[0]?.kind}(${o.request.bad[0]?.label})`]),
            8,
          )})`
        : ''
    }`,
  ];
  if (changes.length) lines.push('', 'Tables changed by refused requests:', ...changes.map((l) => `  ${l}`));
  if (failing.length) {
    const classes = tally(failing, (o) => [classOf(o)]);
    lines.push('', `Failure classes (${classes.length}), with the operations and bad-input kinds of their requests:`);
    for (const [key, n] of classes) {
      const members = failing.filter((o) => classOf(o) === key);
      lines.push(
        `  ${String(n).padStart(5)} × ${key}`,
        `          operations: ${list(
          tally(members, (o) => [o.request.op]),
          12,
        )}`,
        `          kinds: ${list(tally(members, kindsOf))}; first #${members[0].request.index}`,
      );
    }
    lines.push('', `Failing by operation: ${list(tally(failing, (o) => [o.request.op]))}`);
    lines.push(`Failing by bad-input kind: ${list(tally(failing, kindsOf))}`);
    lines.push('', 'First failing requests (one per class first):');
    for (const o of firstOfEachClass(failing, 20)) {
      lines.push(
        `  #${o.request.index} ${o.request.op} as ${o.request.caller}, ${o.request.mode}: ${o.problems.join(',')}`,
        `    bad: ${o.request.bad.map((b) => `${b.kind} (${b.label}) at ${b.path}`).join('; ')}`,
        `    query: ${cut(o.request.query, 400)}`,
        `    variables: ${cut(shortJson(o.request.variables), 400)}`,
        `    → HTTP ${o.status} ${cut(typeof o.body === 'string' ? o.body : JSON.stringify(o.body), 300)}`,
        ...(o.cause ? [`    server log: ${cut(o.cause, 300)}`] : []),
      );
    }
  }
  return { failed: failing.length + (changes.length ? 1 : 0), text: lines.join('\n') };
}

function normalize(message: string): string {
  return message
    .replace(/got invalid value [\s\S]*?(?=; | at "|$)/, 'got invalid value …')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .replace(/^(Variable "…" got invalid value …)[\s\S]*$/, '$1 (any reason: type, null, enum, field, range)');
}

function firstMessage(o: Outcome): string | undefined {
  return (o.body as { errors?: Array<{ message?: string }> } | undefined)?.errors?.[0]?.message;
}

/** The first failing request of each class, then others, up to `max`. */
function firstOfEachClass(failing: Outcome[], max: number): Outcome[] {
  const seen = new Set<string>();
  const first: Outcome[] = [];
  for (const o of failing) {
    const key = classOf(o);
    if (seen.has(key)) continue;
    seen.add(key);
    first.push(o);
  }
  return [...first, ...failing.filter((o) => !first.includes(o))].slice(0, max);
}
