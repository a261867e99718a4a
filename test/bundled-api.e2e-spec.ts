import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnlessCurrent, freePort, RunningApi, startBundledApi } from './support/bundled-api.js';

/*
 * The bundle (dist/api, scripts/bundle-api.mjs) validates and transforms input as the sources do. The bundle
 * holds its own class-validator and class-transformer, which keep their metadata in module state: the
 * application's decorators, Nest's ValidationPipe and @nestjs/mapped-types (the Update…Input types are
 * PartialType of a create input) must all reach the same copy. If one of them read another copy, the update's
 * inherited transforms or rules would be lost here, and only here (the other suites run the sources).
 */
describe('The bundled API validates and transforms input like the sources', () => {
  let dataDir: string;
  let port: number;
  let api: RunningApi;
  let token: string;

  beforeAll(async () => {
    buildUnlessCurrent();
    dataDir = mkdtempSync(join(tmpdir(), 'nexus-bundle-'));
    port = await freePort();
    api = await startBundledApi(
      {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: '', // the embedded database, on both legs: the bundle is the subject
        REDIS_URL: '',
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        GRAPHQL_EXPLORER: 'false',
        PORT: String(port),
      },
      dataDir,
    );
    const registered = await gql(`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
      i: { email: 'bundle@example.org', password: 'correct-horse-battery', name: 'Amina Diallo' },
    });
    token = registered.data!.register.accessToken;
  }, 300_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function gql(query: string, variables: Record<string, unknown>) {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as {
      data?: Record<string, any>;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  }

  const FIELDS = `id name city countriesOfOrigin { code } contactEmail`;
  const CREATE = `mutation($i: OrganizationInput!) { createOrganization(input: $i) { ${FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { ${FIELDS} } }`;
  const organization = {
    name: '  Bundle Hometown Association  ',
    kind: 'DIASPORA_ORGANIZATION',
    countriesOfOrigin: ['gh'],
    countriesOfResidence: ['gb'],
    themes: ['EDUCATION'],
    languages: ['en'],
    contactEmail: 'Contact@Example.ORG',
  };

  it('writes schema.gql in its working folder once it listens (a development run), as committed', async () => {
    const written = join(dataDir, 'schema.gql');
    for (let waited = 0; !existsSync(written) && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readFileSync(written, 'utf8')).toBe(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
  });

  it('transforms and validates a create input and an update input (PartialType of it) alike', async () => {
    const created = await gql(CREATE, { i: organization });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createOrganization).toMatchObject({
      name: 'Bundle Hometown Association',
      countriesOfOrigin: [{ code: 'GH' }],
      contactEmail: 'contact@example.org',
    });
    const id = created.data!.createOrganization.id;

    // the update's transforms are inherited through @nestjs/mapped-types
    const updated = await gql(UPDATE, { id, i: { countriesOfOrigin: ['sn'], city: '  Dakar  ' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateOrganization).toMatchObject({ city: 'Dakar', countriesOfOrigin: [{ code: 'SN' }] });

    // and so are its rules
    const refused = await gql(UPDATE, { id, i: { website: 'not a web address' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });
    const refusedCreate = await gql(CREATE, { i: { ...organization, contactEmail: 'nobody' } });
    expect(refusedCreate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactEmail' });
  }, 60_000);
});
