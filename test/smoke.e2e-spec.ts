import { TestApp } from './support/test-app.js';
import { registerUser } from './support/fixtures.js';
import { graphql } from './generated/index.js';

const ME = graphql(`
  query SmokeMe {
    me {
      id
      email
    }
  }
`);

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.close());

  it('answers health and me', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    const u = await registerUser(t);
    const data = await t.ok(ME, {}, u.token);
    expect(data.me?.id).toBe(u.id);
  });
});
