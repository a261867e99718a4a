/**
 * The judged set of test/fixtures/matching-judgements (real calls, real organizations, a grant officer's
 * 0–3 grades) loaded into a running API through GraphQL, and the nDCG of fundCandidates (funder →
 * organizations) and fundMatches (organization → funds) against the grades.
 *
 * The loader asks the running schema (introspection) which fields it knows: a rule of issue 15 the schema
 * does not have yet is dropped with a printed warning, a new project kind falls back to the project's
 * `fallbackKind`. So the same harness measures the code before and after the new rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FundMatchingService } from '@app/matching';
import type { TestApp } from './test-app.js';
import { registerUser, verify, type TestUser } from './fixtures.js';
import { inDays } from './inputs.js';

const DIR = join(process.cwd(), 'test/fixtures/matching-judgements');

export interface JudgedCall {
  id: string;
  input: Record<string, unknown> & { title: string; eligibility?: Record<string, unknown> | null };
  rules: Record<string, unknown>;
}
export interface JudgedProject {
  input: Record<string, unknown> & { kind: string };
  fallbackKind?: string;
}
export interface JudgedOrganization {
  id: string;
  input: Record<string, unknown> & { name: string };
  extra: Record<string, unknown>;
  projects: JudgedProject[];
}
export interface Judgement {
  call: string;
  organization: string;
  grade: number;
  rationale: string;
}

export interface JudgedSet {
  calls: JudgedCall[];
  organizations: JudgedOrganization[];
  judgements: Judgement[];
  /** grade of (call id, organization id); every pair is judged */
  grade(callId: string, organizationId: string): number;
}

export function loadJudgedSet(): JudgedSet {
  const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  const calls: JudgedCall[] = read('calls.json').calls;
  const organizations: JudgedOrganization[] = read('organizations.json').organizations;
  const judgements: Judgement[] = read('judgements.json').judgements;
  const grades = new Map(judgements.map((j) => [`${j.call}|${j.organization}`, j.grade]));
  for (const c of calls)
    for (const o of organizations)
      if (!grades.has(`${c.id}|${o.id}`)) throw new Error(`No judgement for ${c.id} × ${o.id}`);
  return { calls, organizations, judgements, grade: (c, o) => grades.get(`${c}|${o}`) ?? 0 };
}

interface SchemaKnowledge {
  fundInput: Set<string>;
  eligibilityInput: Set<string>;
  organizationInput: Set<string>;
  projectKinds: Set<string>;
}

async function schemaKnowledge(t: TestApp): Promise<SchemaKnowledge> {
  const data = await t.ok<{
    fi: { inputFields: Array<{ name: string }> };
    fe: { inputFields: Array<{ name: string }> };
    oi: { inputFields: Array<{ name: string }> };
    pk: { enumValues: Array<{ name: string }> };
  }>(`{
    fi: __type(name: "FundInput") { inputFields { name } }
    fe: __type(name: "FundEligibilityInput") { inputFields { name } }
    oi: __type(name: "OrganizationInput") { inputFields { name } }
    pk: __type(name: "ProjectKind") { enumValues { name } }
  }`);
  const names = (fields: Array<{ name: string }>) => new Set(fields.map((f) => f.name));
  return {
    fundInput: names(data.fi.inputFields),
    eligibilityInput: names(data.fe.inputFields),
    organizationInput: names(data.oi.inputFields),
    projectKinds: names(data.pk.enumValues),
  };
}

export interface LoadedSet {
  /** call id → fund id, and back */
  fundOf: Map<string, string>;
  callOf: Map<string, string>;
  /** organization id (fixture) → organization id (database), and back */
  orgOf: Map<string, string>;
  fixtureOrgOf: Map<string, string>;
  funderOwnerOf: Map<string, TestUser>;
  ownerOf: Map<string, TestUser>;
  /** organization id (fixture) → its projects' ids (database) */
  projectsOf: Map<string, string[]>;
  /** what the running schema could not take */
  warnings: string[];
}

const CREATE_ORG = `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }`;
const CREATE_PROJECT = `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`;
const CREATE_FUND = `mutation($i: FundInput!) { createFund(input: $i) { id } }`;
const PUBLISH_FUND = `mutation($id: ID!) { publishFund(id: $id) { id status } }`;

/** Creates every organization (with its projects) and every call as a published fund of its own funder. */
export async function loadIntoApi(t: TestApp, set: JudgedSet): Promise<LoadedSet> {
  const schema = await schemaKnowledge(t);
  const warnings = new Set<string>();
  const loaded: LoadedSet = {
    fundOf: new Map(),
    callOf: new Map(),
    orgOf: new Map(),
    fixtureOrgOf: new Map(),
    funderOwnerOf: new Map(),
    ownerOf: new Map(),
    projectsOf: new Map(),
    warnings: [],
  };

  for (const o of set.organizations) {
    const owner = await registerUser(t, `judged-${o.id.toLowerCase()}`);
    const input: Record<string, unknown> = { ...o.input };
    for (const [key, value] of Object.entries(o.extra)) {
      if (schema.organizationInput.has(key)) input[key] = value;
      else if (value !== null && !(Array.isArray(value) && value.length === 0))
        warnings.add(`OrganizationInput has no ${key}: dropped`);
    }
    const id = (await t.ok<{ createOrganization: { id: string } }>(CREATE_ORG, { i: input }, owner.token))
      .createOrganization.id;
    loaded.orgOf.set(o.id, id);
    loaded.fixtureOrgOf.set(id, o.id);
    loaded.ownerOf.set(o.id, owner);
    for (const p of o.projects) {
      const project: Record<string, unknown> = { ...p.input, organizationId: id };
      if (!schema.projectKinds.has(p.input.kind)) {
        warnings.add(`ProjectKind has no ${p.input.kind}: ${p.fallbackKind} used`);
        project.kind = p.fallbackKind;
      }
      const projectId = (await t.ok<{ createProject: { id: string } }>(CREATE_PROJECT, { i: project }, owner.token))
        .createProject.id;
      loaded.projectsOf.set(o.id, [...(loaded.projectsOf.get(o.id) ?? []), projectId]);
    }
  }

  for (const c of set.calls) {
    const owner = await registerUser(t, `judged-funder-${c.id.toLowerCase()}`);
    const funderId = (
      await t.ok<{ createOrganization: { id: string } }>(
        CREATE_ORG,
        {
          i: {
            name: `Funder of ${c.input.title}`.slice(0, 120),
            kind: 'FUNDER',
            countriesOfOrigin: [],
            countriesOfResidence: ['BE'],
            themes: [],
            languages: ['en'],
          },
        },
        owner.token,
      )
    ).createOrganization.id;
    await verify(t, funderId);
    const eligibility: Record<string, unknown> = { ...(c.input.eligibility ?? {}) };
    const input: Record<string, unknown> = { ...c.input, funderId, deadline: inDays(120) };
    for (const [key, value] of Object.entries(c.rules)) {
      if (schema.fundInput.has(key)) input[key] = value;
      else if (schema.eligibilityInput.has(key)) eligibility[key] = value;
      else warnings.add(`FundInput has no ${key}: dropped`);
    }
    input.eligibility = eligibility;
    const fundId = (await t.ok<{ createFund: { id: string } }>(CREATE_FUND, { i: input }, owner.token)).createFund.id;
    await t.ok(PUBLISH_FUND, { id: fundId }, owner.token);
    loaded.fundOf.set(c.id, fundId);
    loaded.callOf.set(fundId, c.id);
    loaded.funderOwnerOf.set(c.id, owner);
  }
  loaded.warnings = [...warnings].sort();
  return loaded;
}

/** DCG of graded gains 2^g − 1 with the log2(rank + 1) discount, over the first k. */
export function dcg(grades: number[], k: number): number {
  return grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/**
 * nDCG@k of a ranked list of grades against all the grades of the query (the ideal ranking). A result
 * not in the judged set counts 0, as do eligible-looking results the grant officer graded 0. null when
 * the query has no relevant item (the ideal DCG is 0): such queries are left out of the means.
 */
export function ndcg(ranked: number[], allGrades: number[], k: number): number | null {
  const ideal = dcg(
    [...allGrades].sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? null : dcg(ranked, k) / ideal;
}

export interface QueryResult {
  direction: 'funder→organizations' | 'organization→funds';
  query: string;
  label: string;
  /** grades of the results, in the order returned */
  ranked: Array<{ id: string; label: string; grade: number }>;
  ndcg5: number | null;
  ndcg10: number | null;
  /**
   * organization→funds only: nDCG of fundMatches followed by fundsNeedingAProject (funds the organization
   * qualifies for but none of its projects does), where the schema has it: what the organization sees
   */
  withNeeding?: {
    ndcg5: number | null;
    ndcg10: number | null;
    ranked: Array<{ id: string; grade: number }>;
    /** items graded ≥ 1 in neither list, with the rules checkEligibility says they fail */
    notListed?: Array<{ id: string; grade: number; failed: string }>;
  };
  /** results graded 0 among the first 5 */
  zerosInTop5: number;
  /** the items graded ≥ 1, best first */
  judgedRelevant: Array<{ id: string; grade: number }>;
  /** items graded ≥ 2 that were not returned at all, with the rules checkEligibility says they fail */
  missed: Array<{ id: string; grade: number; failed?: string }>;
}

const CANDIDATES = `query($f: ID!) { fundCandidates(fundId: $f, first: 20) { score organization { id } } }`;
const MATCHES = `query($o: ID!) { fundMatches(organizationId: $o, first: 20) { score fund { id } } }`;
const NEEDING = `query($o: ID!) { fundsNeedingAProject(organizationId: $o, first: 20) { fund { id } } }`;

/**
 * Runs every query of both directions and scores it. A query answering an error counts as answering
 * nothing; its error is added to `errors` (the test fails on any).
 */
export async function evaluate(
  t: TestApp,
  set: JudgedSet,
  loaded: LoadedSet,
  errors: string[] = [],
): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  const orgName = new Map(set.organizations.map((o) => [o.id, o.input.name]));
  const callTitle = new Map(set.calls.map((c) => [c.id, c.input.title]));
  for (const c of set.calls) {
    const owner = loaded.funderOwnerOf.get(c.id)!;
    const answer = await t.gql<{ fundCandidates: Array<{ organization: { id: string } }> }>(
      CANDIDATES,
      { f: loaded.fundOf.get(c.id) },
      owner.token,
    );
    if (answer.errors?.length)
      errors.push(
        `fundCandidates ${c.id}: ${JSON.stringify(answer.errors[0])}${await cause(t, loaded.fundOf.get(c.id)!)}`,
      );
    const rows = answer.data?.fundCandidates ?? [];
    const seen = new Set<string>();
    const ranked = rows
      .map((r) => loaded.fixtureOrgOf.get(r.organization.id) ?? `unjudged:${r.organization.id}`)
      .filter((id) => !seen.has(id) && seen.add(id))
      .map((id) => ({ id, label: orgName.get(id) ?? id, grade: id.startsWith('unjudged:') ? 0 : set.grade(c.id, id) }));
    const all = set.organizations.map((o) => set.grade(c.id, o.id));
    results.push(
      score(
        'funder→organizations',
        c.id,
        c.input.title,
        ranked,
        all,
        set.organizations.map((o) => ({ id: o.id, grade: set.grade(c.id, o.id) })),
      ),
    );
  }
  const queryFields = (
    await t.ok<{ __type: { fields: Array<{ name: string }> } }>(`{ __type(name: "Query") { fields { name } } }`)
  ).__type.fields.map((f) => f.name);
  const hasNeeding = queryFields.includes('fundsNeedingAProject');
  for (const o of set.organizations) {
    const owner = loaded.ownerOf.get(o.id)!;
    const answer = await t.gql<{ fundMatches: Array<{ fund: { id: string } }> }>(
      MATCHES,
      { o: loaded.orgOf.get(o.id) },
      owner.token,
    );
    if (answer.errors?.length) errors.push(`fundMatches ${o.id}: ${JSON.stringify(answer.errors[0])}`);
    const rows = answer.data?.fundMatches ?? [];
    const seen = new Set<string>();
    const ranked = rows
      .map((r) => loaded.callOf.get(r.fund.id) ?? `unjudged:${r.fund.id}`)
      .filter((id) => !seen.has(id) && seen.add(id))
      .map((id) => ({
        id,
        label: callTitle.get(id) ?? id,
        grade: id.startsWith('unjudged:') ? 0 : set.grade(id, o.id),
      }));
    const all = set.calls.map((c) => set.grade(c.id, o.id));
    const result = score(
      'organization→funds',
      o.id,
      o.input.name,
      ranked,
      all,
      set.calls.map((c) => ({ id: c.id, grade: set.grade(c.id, o.id) })),
    );
    if (hasNeeding) {
      const needing = await t.gql<{ fundsNeedingAProject: Array<{ fund: { id: string } }> }>(
        NEEDING,
        { o: loaded.orgOf.get(o.id) },
        owner.token,
      );
      if (needing.errors?.length) errors.push(`fundsNeedingAProject ${o.id}: ${JSON.stringify(needing.errors[0])}`);
      const more = (needing.data?.fundsNeedingAProject ?? [])
        .map((r) => loaded.callOf.get(r.fund.id))
        .filter((id): id is string => !!id && !seen.has(id) && !!seen.add(id))
        .map((id) => ({ id: `${id}*`, grade: set.grade(id, o.id) }));
      const combined = [...ranked, ...more];
      const grades = combined.map((r) => r.grade);
      result.withNeeding = { ndcg5: ndcg(grades, all, 5), ndcg10: ndcg(grades, all, 10), ranked: combined };
    }
    results.push(result);
  }
  for (const r of results)
    if (r.withNeeding)
      for (const j of r.judgedRelevant)
        if (!r.withNeeding.ranked.some((x) => x.id.replace('*', '') === j.id))
          (r.withNeeding.notListed ??= []).push({ ...j, failed: await failedRules(t, loaded, j.id, r.query) });
  for (const r of results)
    for (const m of r.missed) {
      const [callId, orgId] = r.direction === 'funder→organizations' ? [r.query, m.id] : [m.id, r.query];
      m.failed = await failedRules(t, loaded, callId, orgId);
    }
  return results;
}

const CHECK = `query($f: ID!, $o: ID!, $p: ID) { checkEligibility(fundId: $f, organizationId: $o, projectId: $p) {
  eligible checks { rule passed } } }`;

/** The rules checkEligibility says the organization fails (alone, then with each project): e.g. "AGE | p1: BUDGET". */
async function failedRules(t: TestApp, loaded: LoadedSet, callId: string, orgId: string): Promise<string> {
  const owner = loaded.ownerOf.get(orgId)!;
  const ask = async (projectId?: string) => {
    const answer = await t.gql<{
      checkEligibility: { eligible: boolean; checks: Array<{ rule: string; passed: boolean }> };
    }>(CHECK, { f: loaded.fundOf.get(callId), o: loaded.orgOf.get(orgId), p: projectId ?? null }, owner.token);
    if (answer.errors?.length) return `error ${answer.errors[0].extensions?.code ?? answer.errors[0].message}`;
    const failed = answer.data!.checkEligibility.checks.filter((c) => !c.passed).map((c) => c.rule);
    return failed.length ? failed.join(',') : 'eligible';
  };
  const parts = [`org: ${await ask()}`];
  for (const [i, projectId] of (loaded.projectsOf.get(orgId) ?? []).entries())
    parts.push(`p${i + 1}: ${await ask(projectId)}`);
  return parts.join(' | ');
}

/** The exception behind a fundCandidates error, asked of the service directly (the API hides it). */
async function cause(t: TestApp, fundId: string): Promise<string> {
  try {
    await t.get(FundMatchingService).fundCandidates(fundId, 20);
    return '';
  } catch (error) {
    return ` (cause: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function score(
  direction: QueryResult['direction'],
  query: string,
  label: string,
  ranked: QueryResult['ranked'],
  all: number[],
  judged: Array<{ id: string; grade: number }>,
): QueryResult {
  const grades = ranked.map((r) => r.grade);
  const returned = new Set(ranked.map((r) => r.id));
  return {
    direction,
    query,
    label,
    ranked,
    ndcg5: ndcg(grades, all, 5),
    ndcg10: ndcg(grades, all, 10),
    zerosInTop5: grades.slice(0, 5).filter((g) => g === 0).length,
    judgedRelevant: judged.filter((j) => j.grade >= 1).sort((a, b) => b.grade - a.grade),
    missed: judged.filter((j) => j.grade >= 2 && !returned.has(j.id)),
  };
}

export interface Summary {
  direction: QueryResult['direction'];
  queries: number;
  /** queries with a relevant item (the others have no nDCG) */
  scored: number;
  ndcg5: number;
  ndcg10: number;
  zerosInTop5: number;
  missed: number;
}

export function summarize(results: QueryResult[]): Summary[] {
  return (['funder→organizations', 'organization→funds'] as const).map((direction) => {
    const rows = results.filter((r) => r.direction === direction);
    const scored = rows.filter((r) => r.ndcg5 !== null);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
    return {
      direction,
      queries: rows.length,
      scored: scored.length,
      ndcg5: mean(scored.map((r) => r.ndcg5!)),
      ndcg10: mean(scored.map((r) => r.ndcg10!)),
      zerosInTop5: rows.reduce((s, r) => s + r.zerosInTop5, 0),
      missed: rows.reduce((s, r) => s + r.missed.length, 0),
    };
  });
}

/** The printed report: means per direction, then the worst queries of each with their first five. */
/** organization→funds with fundsNeedingAProject appended (null when the schema has no such query) */
export function summarizeWithNeeding(results: QueryResult[]): { ndcg5: number; ndcg10: number } | null {
  const rows = results.filter((r) => r.withNeeding && r.withNeeding.ndcg5 !== null);
  if (!rows.length) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { ndcg5: mean(rows.map((r) => r.withNeeding!.ndcg5!)), ndcg10: mean(rows.map((r) => r.withNeeding!.ndcg10!)) };
}

export function report(results: QueryResult[], warnings: string[], worst = 6): string {
  const f = (n: number | null) => (n === null ? '  –  ' : n.toFixed(3));
  const lines: string[] = [];
  if (warnings.length) lines.push('Dropped by the running schema:', ...warnings.map((w) => `  - ${w}`), '');
  lines.push('direction               queries scored nDCG@5 nDCG@10 grade-0-in-top5 missed(≥2)');
  for (const s of summarize(results))
    lines.push(
      `${s.direction.padEnd(23)} ${String(s.queries).padStart(7)} ${String(s.scored).padStart(6)} ${s.ndcg5.toFixed(4).padStart(6)} ${s.ndcg10.toFixed(4).padStart(7)} ${String(s.zerosInTop5).padStart(15)} ${String(s.missed).padStart(10)}`,
    );
  const needing = summarizeWithNeeding(results);
  if (needing)
    lines.push(
      `${'  + fundsNeedingAProject'.padEnd(23)} ${''.padStart(7)} ${''.padStart(6)} ${needing.ndcg5.toFixed(4).padStart(6)} ${needing.ndcg10.toFixed(4).padStart(7)}`,
    );
  for (const direction of ['funder→organizations', 'organization→funds'] as const) {
    const rows = results
      .filter((r) => r.direction === direction && r.ndcg5 !== null)
      .sort((a, b) => a.ndcg5! - b.ndcg5! || a.ndcg10! - b.ndcg10!);
    lines.push('', `Worst queries, ${direction}:`);
    for (const r of rows.slice(0, worst)) {
      lines.push(`  ${r.query} ${r.label.slice(0, 60)}: nDCG@5 ${f(r.ndcg5)}, @10 ${f(r.ndcg10)}`);
      lines.push(
        `     top 5: ${
          r.ranked
            .slice(0, 5)
            .map((x) => `${x.id}(${x.grade})`)
            .join(' ') || '(nothing)'
        }`,
      );
      for (const m of r.missed) lines.push(`     missed ${m.id}(${m.grade}): ${m.failed ?? ''}`);
    }
    if (direction === 'organization→funds') {
      const combined = results
        .filter((r) => r.withNeeding && r.withNeeding.ndcg5 !== null)
        .sort((a, b) => a.withNeeding!.ndcg5! - b.withNeeding!.ndcg5!);
      if (combined.length) lines.push(`  with fundsNeedingAProject appended (marked *), worst:`);
      for (const r of combined.slice(0, worst)) {
        const top = r.withNeeding!.ranked.slice(0, 5).map((x) => `${x.id}(${x.grade})`);
        lines.push(
          `    ${r.query} ${r.label.slice(0, 50)}: nDCG@5 ${f(r.withNeeding!.ndcg5)}; top 5: ${top.join(' ') || '(nothing)'}`,
        );
        for (const m of r.withNeeding!.notListed ?? [])
          lines.push(`       not listed ${m.id}(${m.grade}): ${m.failed}`);
      }
    }
    const unscored = results.filter((r) => r.direction === direction && r.ndcg5 === null && r.ranked.length);
    if (unscored.length)
      lines.push(
        `  no relevant item but results returned: ${unscored.map((r) => `${r.query}[${r.ranked.length}]`).join(' ')}`,
      );
  }
  return lines.join('\n');
}
