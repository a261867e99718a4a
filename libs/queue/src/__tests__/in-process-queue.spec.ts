import { backoffDelay } from '../job-queue.js';
import { InProcessJobQueue } from '../in-process-queue.js';

const defaults = { attempts: 3, backoffMs: 10, concurrency: 2 };

describe('InProcessJobQueue', () => {
  it('runs jobs once per jobId (dedupe while waiting, running or completed)', async () => {
    const queue = new InProcessJobQueue(defaults);
    const seen: number[] = [];
    queue.process<{ n: number }>('work', async ({ n }) => void seen.push(n));
    await queue.add('work', { n: 1 }, { jobId: 'a' });
    await queue.add('work', { n: 2 }, { jobId: 'a' });
    await queue.startConsumer();
    await queue.onIdle(1000);
    await queue.add('work', { n: 3 }, { jobId: 'a' });
    await queue.add('work', { n: 4 });
    await queue.onIdle(1000);
    expect(seen).toEqual([1, 4]);
    await queue.close();
  });

  it('addBulk adds each job as add does (dedupe by jobId)', async () => {
    const queue = new InProcessJobQueue(defaults);
    const seen: number[] = [];
    queue.process<{ n: number }>('work', async ({ n }) => void seen.push(n));
    await queue.add('work', { n: 1 }, { jobId: 'a' });
    await queue.addBulk([
      { name: 'work', data: { n: 2 }, options: { jobId: 'a' } },
      { name: 'work', data: { n: 3 }, options: { jobId: 'b' } },
      { name: 'work', data: { n: 4 } },
    ]);
    await queue.startConsumer();
    await queue.onIdle(1000);
    expect(seen.sort()).toEqual([1, 3, 4]);
    await queue.close();
  });

  it('retries with exponential backoff, then gives up after the attempts', async () => {
    expect([1, 2, 3].map((n) => backoffDelay(10, n))).toEqual([10, 20, 40]);
    const queue = new InProcessJobQueue(defaults);
    const times: number[] = [];
    queue.process('flaky', async (_data, job) => {
      times.push(Date.now());
      if (job.attemptsMade < 2) throw new Error('not yet');
    });
    const attempts: number[] = [];
    queue.process('broken', async (_data, job) => {
      attempts.push(job.attemptsMade);
      throw new Error('always');
    });
    await queue.startConsumer();
    await queue.add('flaky', {}, { backoffMs: 30 });
    await queue.add('broken', {});
    await queue.onIdle(2000);
    expect(times).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(25);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(55);
    expect(attempts).toEqual([0, 1, 2]);
    await queue.close();
  });

  it('runs delayed jobs later, refuses ids BullMQ would refuse, and drains due jobs on close', async () => {
    const queue = new InProcessJobQueue({ ...defaults, concurrency: 1 });
    const done: string[] = [];
    queue.process<{ id: string }>('slow', async ({ id }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done.push(id);
    });
    await queue.startConsumer();
    await expect(queue.add('slow', { id: 'x' }, { jobId: 'a:b' })).rejects.toThrow(/may not/);
    await expect(queue.add('slow', { id: 'x' }, { jobId: '42' })).rejects.toThrow(/may not/);
    const started = Date.now();
    await queue.add('slow', { id: 'later' }, { delayMs: 50 });
    await queue.onIdle(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    await queue.add('slow', { id: 'one' });
    await queue.add('slow', { id: 'two' });
    await queue.close(); // both due jobs finish before close resolves
    expect(done).toEqual(['later', 'one', 'two']);
  });
});
