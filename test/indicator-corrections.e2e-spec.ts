import { TestApp } from './support/test-app.js';
import { addMember, createOrg, dataSource, promote, registerUser, TestUser } from './support/fixtures.js';
import { projectInput } from './support/project-input.js';

const INDICATOR = `id name unit baseline target progress measurements { id value measuredOn note }`;
const PROJECT = `query($id: ID!) { project(id: $id) { indicators { ${INDICATOR} } indicatorHistory { totalCount nodes { action indicatorId measurementId actorId createdAt before { name unit baseline target value measuredOn note } after { name unit baseline target value measuredOn note } } } } }`;
const UPDATE_INDICATOR = `mutation($id: ID!, $i: UpdateIndicatorInput!) { updateIndicator(id: $id, input: $i) { ${INDICATOR} } }`;
const UPDATE_MEASUREMENT = `mutation($id: ID!, $i: UpdateMeasurementInput!) { updateMeasurement(id: $id, input: $i) { id value measuredOn note } }`;
const DELETE_MEASUREMENT = `mutation($id: ID!) { deleteMeasurement(id: $id) { ${INDICATOR} } }`;
const DELETE_INDICATOR = `mutation($id: ID!) { deleteIndicator(id: $id) { id indicators { id } } }`;

type Indicator = {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  progress: number | null;
  measurements: Array<{ id: string; value: number; measuredOn: string; note: string | null }>;
};

describe('Correcting and deleting indicators and measurements (with history; progress follows)', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let moderator: TestUser;
  let projectId: string;
  let indicatorId: string;
  let m1: string; // 10 on 2025-01-10
  let m2: string; // 20 on 2025-02-10

  const project = async (token?: string) => (await t.ok(PROJECT, { id: projectId }, token)).project;
  const indicator = async (): Promise<Indicator> =>
    (await project(owner.token)).indicators.find((i: Indicator) => i.id === indicatorId);
  const historyCount = async () =>
    Number((await dataSource(t).query(`SELECT count(*)::int AS n FROM indicator_change`))[0].n);

  beforeAll(async () => {
    t = await TestApp.start();
    owner = await registerUser(t, 'owner');
    member = await registerUser(t, 'member');
    outsider = await registerUser(t, 'outsider');
    moderator = await promote(t, await registerUser(t, 'moderator'), 'MODERATOR');
    const org = await createOrg(t, owner, { name: 'Volta Farmers Abroad' });
    await addMember(t, owner, org.id, member, 'MEMBER');
    projectId = (
      await t.ok(
        `mutation($i: ProjectInput!) { createProject(input: $i) { id } }`,
        { i: projectInput(org.id) },
        owner.token,
      )
    ).createProject.id;
    indicatorId = (
      await t.ok(
        `mutation($p: ID!) { addIndicator(projectId: $p, name: "Families irrigating", unit: "families", baseline: 0, target: 40) { id } }`,
        { p: projectId },
        owner.token,
      )
    ).addIndicator.id;
    const record = async (value: number, on: string) =>
      (
        await t.ok(
          `mutation($i: ID!, $v: Float!, $d: Date!) { recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: "field count") { id } }`,
          { i: indicatorId, v: value, d: on },
          member.token,
        )
      ).recordMeasurement.id as string;
    m1 = await record(10, '2025-01-10');
    m2 = await record(20, '2025-02-10');
  });
  afterAll(() => t?.close());

  it('starts from the latest measurement: progress 20/40', async () => {
    expect((await indicator()).progress).toBeCloseTo(0.5);
  });

  it('corrects a measurement value: progress follows, the history says who, when, before and after', async () => {
    const started = Date.now();
    const res = await t.ok(UPDATE_MEASUREMENT, { id: m2, i: { value: 30 } }, member.token);
    expect(res.updateMeasurement).toEqual({ id: m2, value: 30, measuredOn: '2025-02-10', note: 'field count' });
    expect((await indicator()).progress).toBeCloseTo(0.75);
    const history = (await project(owner.token)).indicatorHistory;
    expect(history.totalCount).toBe(1);
    const [change] = history.nodes;
    expect(change).toMatchObject({
      action: 'MEASUREMENT_UPDATED',
      indicatorId,
      measurementId: m2,
      actorId: member.id,
      before: { value: 20, measuredOn: '2025-02-10', note: 'field count', name: null },
      after: { value: 30, measuredOn: '2025-02-10', note: 'field count', name: null },
    });
    expect(new Date(change.createdAt).getTime()).toBeGreaterThanOrEqual(started - 1000);
  });

  it('moving a measurement to a later date makes it the latest one', async () => {
    await t.ok(UPDATE_MEASUREMENT, { id: m1, i: { measuredOn: '2025-03-10' } }, owner.token);
    const i = await indicator();
    expect(i.measurements.map((m) => m.id)).toEqual([m2, m1]);
    expect(i.progress).toBeCloseTo(10 / 40);
  });

  it('null clears the note; null on value or measuredOn, or a future date, is BAD_USER_INPUT and writes nothing', async () => {
    const cleared = await t.ok(UPDATE_MEASUREMENT, { id: m1, i: { note: null } }, owner.token);
    expect(cleared.updateMeasurement).toEqual({ id: m1, value: 10, measuredOn: '2025-03-10', note: null });
    const before = await historyCount();
    for (const [i, field] of [
      [{ value: null }, 'input.value'],
      [{ measuredOn: null }, 'input.measuredOn'],
      [{ measuredOn: '2999-01-01' }, 'input.measuredOn'],
    ] as const) {
      const res = await t.gql(UPDATE_MEASUREMENT, { id: m1, i }, owner.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await historyCount()).toBe(before);
    expect((await indicator()).measurements.find((m) => m.id === m1)).toEqual({
      id: m1,
      value: 10,
      measuredOn: '2025-03-10',
      note: null,
    });
  });

  it('a correction that changes nothing leaves no history', async () => {
    const before = await historyCount();
    await t.ok(UPDATE_MEASUREMENT, { id: m1, i: { value: 10 } }, owner.token);
    await t.ok(UPDATE_INDICATOR, { id: indicatorId, i: { unit: 'families' } }, owner.token);
    expect(await historyCount()).toBe(before);
  });

  it('corrects an indicator partially: progress follows the new target, the other fields stay', async () => {
    const res = (await t.ok(UPDATE_INDICATOR, { id: indicatorId, i: { target: 20 } }, member.token)).updateIndicator;
    expect(res).toMatchObject({ name: 'Families irrigating', unit: 'families', baseline: 0, target: 20 });
    expect(res.progress).toBeCloseTo(10 / 20);
    const renamed = (
      await t.ok(UPDATE_INDICATOR, { id: indicatorId, i: { name: 'Families using pumps' } }, owner.token)
    ).updateIndicator;
    expect(renamed).toMatchObject({ name: 'Families using pumps', unit: 'families', baseline: 0, target: 20 });
    const [latest, previous] = (await project(owner.token)).indicatorHistory.nodes;
    expect(previous).toMatchObject({
      action: 'INDICATOR_UPDATED',
      measurementId: null,
      before: { name: 'Families irrigating', unit: 'families', baseline: 0, target: 40, value: null },
      after: { name: 'Families irrigating', unit: 'families', baseline: 0, target: 20, value: null },
    });
    expect(latest).toMatchObject({ action: 'INDICATOR_UPDATED', before: { name: 'Families irrigating' } });
    expect(latest.after.name).toBe('Families using pumps');
    for (const field of ['name', 'unit', 'baseline', 'target']) {
      const r = await t.gql(UPDATE_INDICATOR, { id: indicatorId, i: { [field]: null } }, owner.token);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    }
    const r = await t.gql(UPDATE_INDICATOR, { id: indicatorId, i: { name: 'x' } }, owner.token);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('deletes a measurement: the indicator answers with its progress recomputed, the history keeps the values', async () => {
    const res = (await t.ok(DELETE_MEASUREMENT, { id: m1 }, member.token)).deleteMeasurement as Indicator;
    expect(res.measurements.map((m) => m.id)).toEqual([m2]);
    expect(res.progress).toBe(1); // 30 of a target of 20, clamped
    const [change] = (await project(owner.token)).indicatorHistory.nodes;
    expect(change).toMatchObject({
      action: 'MEASUREMENT_DELETED',
      measurementId: m1,
      actorId: member.id,
      before: { value: 10, measuredOn: '2025-03-10', note: null },
      after: null,
    });
    expect((await t.gql(DELETE_MEASUREMENT, { id: m1 }, member.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('deletes an indicator with its measurements; each is kept in the history', async () => {
    const res = await t.ok(DELETE_INDICATOR, { id: indicatorId }, owner.token);
    expect(res.deleteIndicator).toEqual({ id: projectId, indicators: [] });
    const rows = await dataSource(t).query(`SELECT count(*)::int AS n FROM measurement WHERE indicator_id = $1`, [
      indicatorId,
    ]);
    expect(rows[0].n).toBe(0);
    const history = (await project(owner.token)).indicatorHistory;
    expect(history.totalCount).toBe(8);
    expect(
      history.nodes
        .slice(0, 2)
        .map((n: { action: string; measurementId: string | null }) => [n.action, n.measurementId]),
    ).toEqual(
      expect.arrayContaining([
        ['INDICATOR_DELETED', null],
        ['MEASUREMENT_DELETED', m2],
      ]),
    );
    const deleted = history.nodes.find((n: { action: string }) => n.action === 'INDICATOR_DELETED');
    expect(deleted).toMatchObject({
      actorId: owner.id,
      before: { name: 'Families using pumps', unit: 'families', baseline: 0, target: 20 },
      after: null,
    });
    expect(
      (await t.gql(UPDATE_INDICATOR, { id: indicatorId, i: { target: 5 } }, owner.token)).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('the history is for the members and moderators; null for anyone else', async () => {
    expect((await project(member.token)).indicatorHistory.totalCount).toBe(8);
    expect((await project(moderator.token)).indicatorHistory.totalCount).toBe(8);
    expect((await project(outsider.token)).indicatorHistory).toBeNull();
    expect((await project()).indicatorHistory).toBeNull();
  });

  it('recording measurements while the indicator is deleted: each call succeeds or is NOT_FOUND, never a server error', async () => {
    const id = (
      await t.ok(
        `mutation($p: ID!) { addIndicator(projectId: $p, name: "Pumps installed", unit: "pumps", baseline: 0, target: 12) { id } }`,
        { p: projectId },
        owner.token,
      )
    ).addIndicator.id;
    const RECORD = `mutation($i: ID!, $v: Float!) { recordMeasurement(indicatorId: $i, value: $v, measuredOn: "2025-04-01") { id } }`;
    const results = await Promise.all([
      t.gql(RECORD, { i: id, v: 1 }, member.token),
      t.gql(DELETE_INDICATOR, { id }, owner.token),
      t.gql(RECORD, { i: id, v: 2 }, member.token),
      t.gql(RECORD, { i: id, v: 3 }, owner.token),
    ]);
    expect(results[1].errors).toBeUndefined();
    for (const res of results) expect([undefined, 'NOT_FOUND']).toContain(res.errors?.[0].extensions?.code);
    const left = await dataSource(t).query(`SELECT count(*)::int AS n FROM measurement WHERE indicator_id = $1`, [id]);
    expect(left[0].n).toBe(0);
  });
});
