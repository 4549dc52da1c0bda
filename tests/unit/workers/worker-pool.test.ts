import { describe, expect, it } from 'vitest';
import { createWorkerPool, WorkerPoolError } from '../../../src/lib/worker-pool.ts';

describe('the worker pool', () => {
  it('runs every job on a worker and gives each answer to its own job', async () => {
    const pool = createWorkerPool<number, number>(
      new URL('./double-worker.ts', import.meta.url),
      2,
      { factor: 2 },
    );
    try {
      expect(await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(n)))).toEqual([2, 4, 6, 8, 10]);
    } finally {
      await pool.close();
    }
  });

  it('fails only the job its worker refused', async () => {
    const pool = createWorkerPool<unknown, number>(
      new URL('./double-worker.ts', import.meta.url),
      1,
      { factor: 3 },
    );
    try {
      const results = await Promise.allSettled([pool.run(1), pool.run('x'), pool.run(2)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const refused = results[1] as PromiseRejectedResult;
      expect(refused.reason).not.toBeInstanceOf(WorkerPoolError);
      expect(String(refused.reason)).toMatch(/not a number: x/);
    } finally {
      await pool.close();
    }
  });

  it('gives each answer to its own job when a worker holds several jobs at once', async () => {
    const pool = createWorkerPool<unknown, number>(
      new URL('./double-worker.ts', import.meta.url),
      2,
      { factor: 10 },
      { depth: 4 },
    );
    try {
      const inputs = [1, 2, 'x', 4, 5, 6, 'y', 8, 9, 10, 11];
      const results = await Promise.allSettled(inputs.map((n) => pool.run(n)));
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'refused'))).toEqual([
        10,
        20,
        'refused',
        40,
        50,
        60,
        'refused',
        80,
        90,
        100,
        110,
      ]);
    } finally {
      await pool.close();
    }
  });

  it('fails every job with a pool error when its workers cannot start', async () => {
    const pool = createWorkerPool<number, number>(
      new URL('./no-such-worker.ts', import.meta.url),
      2,
      {},
    );
    try {
      const results = await Promise.allSettled([pool.run(1), pool.run(2), pool.run(3)]);
      for (const result of results)
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(WorkerPoolError);
    } finally {
      await pool.close();
    }
  });
});
