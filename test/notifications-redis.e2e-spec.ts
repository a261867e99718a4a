import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { NotificationPubSub } from '@app/notifications';
import { JobQueue } from '@app/queue';
import { TestApp } from './support/test-app.js';
import { addMember, createOrg, dataSource, registerUser, TestUser, verify } from './support/fixtures.js';
import { publishedFund } from './support/fund-fixtures.js';
import { MY_NOTIFICATIONS, NotificationView, subscribeNotifications, waitFor } from './support/notification-helpers.js';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const enabled = !!REDIS_URL && !!DATABASE_URL;
const WORKER = join(process.cwd(), 'dist/apps/worker/src/main.js');

const PROPOSE = `mutation($a: ID!, $b: ID!) { proposePartnership(initiatorId: $a, partnerId: $b, kind: TWINNING) { id } }`;

/** Starts `node dist/apps/worker/src/main.js` and resolves once it consumes jobs. */
function startWorker(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The worker did not start:\n${output}`)), 60_000);
    const check = setInterval(() => {
      if (output.includes('Worker started')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve({ child, output: () => output });
      }
    }, 50);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`The worker exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Several API instances and a worker process, as in production: two APIs on one database and one
 * Redis (they only enqueue), one worker (it runs the jobs), Redis pub/sub between them.
 */
(enabled ? describe : describe.skip)(
  'Notifications across two API instances and a worker (needs REDIS_URL and DATABASE_URL; skipped without them)',
  () => {
    const prefix = `test-${randomBytes(4).toString('hex')}:`;
    const env = {
      REDIS_URL: REDIS_URL ?? '',
      REDIS_KEY_PREFIX: prefix,
      JWT_SECRET: randomBytes(32).toString('hex'),
      JOB_BACKOFF_MS: '50',
      NOTIFY_FUND_MATCH_THRESHOLD: '0.2',
    };
    let a: TestApp;
    let b: TestApp;
    let worker: { child: ChildProcess; output: () => string } | undefined;
    let alice: TestUser;
    let bob: TestUser;
    let dave: TestUser;
    let diaspora: { id: string };
    let ngo: { id: string };
    let funder: { id: string };

    beforeAll(async () => {
      if (!existsSync(WORKER)) execSync('npm run build', { stdio: 'inherit' });
      a = await TestApp.start(env);
      b = await TestApp.start(env, { databaseUrl: a.databaseUrl });
      worker = await startWorker({ ...env, DATABASE_URL: a.databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'log' });
      [alice, bob, dave] = await Promise.all(['alice', 'bob', 'dave'].map((name) => registerUser(b, name)));
      diaspora = await createOrg(b, alice, { name: 'Senegalese Engineers Paris', countriesOfOrigin: ['SN'] });
      ngo = await createOrg(b, bob, {
        name: 'Dakar Tech Hub',
        kind: 'NGO',
        countriesOfOrigin: [],
        countriesOfResidence: ['SN'],
      });
      const carol = await registerUser(b, 'carol');
      await addMember(b, bob, ngo.id, carol, 'MEMBER');
      funder = await createOrg(b, dave, {
        name: 'Lyon Development Fund',
        kind: 'FUNDER',
        countriesOfOrigin: [],
        countriesOfResidence: ['FR'],
      });
      await verify(b, funder.id); // publishing notifies others: VERIFIED funders only
    });

    afterAll(async () => {
      if (worker) {
        const exited = new Promise((resolve) => worker!.child.once('exit', resolve));
        worker.child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
        clearTimeout(timer);
        if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      }
      await b?.close();
      await a?.close();
      // This run's queue and channel keys.
      const redis = new Redis(REDIS_URL!);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });

    it('API instances only enqueue with Redis; the worker consumes', () => {
      for (const t of [a, b]) {
        const queue = t.app.get(JobQueue);
        expect(queue.kind).toBe('bullmq');
        expect(queue.consuming).toBe(false);
      }
    });

    it('a client subscribed on instance A receives the notification of an event triggered through instance B', async () => {
      const pubsub = a.get(NotificationPubSub);
      await pubsub.whenReady();
      const socket = subscribeNotifications(a.url, bob.token);
      // the same user in French: the message through Redis carries the sentences, each socket writes its own
      const french = subscribeNotifications(a.url, bob.token, 'fr');
      try {
        await waitFor(async () => pubsub.subscribersOf(bob.id) === 2, 10_000, 'the subscriptions on A');
        const proposal = (await b.ok(PROPOSE, { a: diaspora.id, b: ngo.id }, alice.token)).proposePartnership;
        const pushed = await socket.next(30_000);
        expect(pushed).toMatchObject({
          kind: 'PARTNERSHIP_PROPOSED',
          title: 'Senegalese Engineers Paris proposes a partnership',
          link: `/partnerships/${proposal.id}`,
        });
        expect(await french.next(30_000)).toMatchObject({
          id: pushed.id,
          title: 'Senegalese Engineers Paris propose un partenariat',
        });
        // Created once, by the worker (neither API consumes), and readable through either instance.
        await waitFor(async () => {
          const [event] = await dataSource(a).query(
            `SELECT processed_at FROM outbox_event WHERE payload->>'partnershipId' = $1`,
            [proposal.id],
          );
          return event.processed_at !== null;
        });
        for (const t of [a, b]) {
          const mine: NotificationView[] = (await t.ok(MY_NOTIFICATIONS, {}, bob.token)).myNotifications;
          expect(mine.filter((n) => n.kind === 'PARTNERSHIP_PROPOSED').map((n) => n.id)).toEqual([pushed.id]);
        }
      } finally {
        await Promise.all([socket.close(), french.close()]);
      }
    });

    it('fans a fund published through B out to matching organizations, pushed to a client on A', async () => {
      const socket = subscribeNotifications(a.url, alice.token);
      try {
        await waitFor(
          async () => a.get(NotificationPubSub).subscribersOf(alice.id) > 0,
          10_000,
          'the subscription on A',
        );
        const fund = await publishedFund(b, dave, funder.id, {
          title: 'Francophone Diaspora Education Fund',
          themes: ['EDUCATION'],
          sdgs: [],
          prioritizesWomenLed: false,
          eligibility: { organizationKinds: ['DIASPORA_ORGANIZATION'], countriesOfOrigin: ['SN'] },
        });
        const pushed = await socket.next(30_000);
        expect(pushed).toMatchObject({ kind: 'FUND_MATCH', link: `/funds/${fund.id}` });
        expect(pushed.title).toBe('New fund for Senegalese Engineers Paris: Francophone Diaspora Education Fund');
        const others = await dataSource(a).query(
          `SELECT count(*) FROM notification WHERE kind = 'FUND_MATCH' AND user_id <> $1`,
          [alice.id],
        );
        expect(Number(others[0].count)).toBe(0);
      } finally {
        await socket.close();
      }
    });
  },
);
