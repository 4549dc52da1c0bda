import { Worker } from 'node:worker_threads';

interface Job<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

/** A worker thread died or could not start: the pool cannot run jobs, though the jobs may be fine. */
export class WorkerPoolError extends Error {}

/**
 * A worker thread's first code. Node 20 does not carry the parent's module hooks into worker
 * threads, so tsx is registered before the TypeScript entry is loaded. It is evaluated rather than
 * read from a file so that the pool also works from inside a bundle (the site's build).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.entry); });
`;

/** A fixed set of worker threads, each given jobs in the order they arrive. */
export interface WorkerPool<I, O> {
  run(input: I): Promise<O>;
  close(): Promise<void>;
}

/** How a pool hands out jobs. */
export interface WorkerPoolOptions {
  /**
   * Jobs a worker holds at once: more than one keeps a worker busy while the thread that feeds it
   * is busy itself. The entry must then answer its messages in the order they came.
   */
  depth?: number;
  /** Lets the process end while the workers are idle, for a pool that may not be closed. */
  unref?: boolean;
}

/**
 * Starts `size` workers from a TypeScript module that reads `workerData.data` and answers each
 * message with `{ ok, value | error }`.
 */
export function createWorkerPool<I, O>(
  entry: URL,
  size: number,
  workerData: unknown,
  { depth = 1, unref = false }: WorkerPoolOptions = {},
): WorkerPool<I, O> {
  const queue: Array<Job<I, O>> = [];
  const held = new Map<Worker, Array<Job<I, O>>>();
  let failure: Error | null = null;

  const dispatch = () => {
    for (const [worker, jobs] of held) {
      while (jobs.length < depth && queue.length) {
        const job = queue.shift()!;
        jobs.push(job);
        worker.postMessage(job.input);
      }
    }
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: entry.href, data: workerData },
    });
    if (unref) worker.unref();
    held.set(worker, []);
    worker.on('message', (message: { ok: true; value: O } | { ok: false; error: string }) => {
      const job = held.get(worker)!.shift()!;
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(message.error));
      dispatch();
    });
    // A worker that dies takes its jobs with it; every later job fails the same way, loudly.
    worker.on('error', (cause) => {
      const error = new WorkerPoolError(`a worker thread failed: ${cause.message}`, { cause });
      failure = error;
      for (const job of held.get(worker)!.splice(0)) job.reject(error);
      held.delete(worker);
      for (const job of queue.splice(0)) job.reject(error);
    });
    return worker;
  });

  return {
    run(input) {
      if (failure) return Promise.reject(failure);
      return new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
