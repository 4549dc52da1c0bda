import { Worker } from 'node:worker_threads';

interface Job<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

/** A worker thread died or could not start: the pool cannot run jobs, though the jobs may be fine. */
export class WorkerPoolError extends Error {}

/** Registers tsx in the thread, then loads the entry: see the file for why. */
const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** A fixed set of worker threads that run one job each at a time, in the order jobs arrive. */
export interface WorkerPool<I, O> {
  run(input: I): Promise<O>;
  close(): Promise<void>;
}

/**
 * Starts `size` workers from a TypeScript module that reads `workerData.data` and answers each
 * message with `{ ok, value | error }`.
 */
export function createWorkerPool<I, O>(
  entry: URL,
  size: number,
  workerData: unknown,
): WorkerPool<I, O> {
  const queue: Array<Job<I, O>> = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job<I, O>>();
  let failure: Error | null = null;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.input);
    }
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: entry.href, data: workerData } });
    worker.on('message', (message: { ok: true; value: O } | { ok: false; error: string }) => {
      const job = busy.get(worker)!;
      busy.delete(worker);
      idle.push(worker);
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(message.error));
      dispatch();
    });
    // A worker that dies takes its job with it; every later job fails the same way, loudly.
    worker.on('error', (cause) => {
      const error = new WorkerPoolError(`a worker thread failed: ${cause.message}`, { cause });
      failure = error;
      busy.get(worker)?.reject(error);
      busy.delete(worker);
      for (const job of queue.splice(0)) job.reject(error);
    });
    idle.push(worker);
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
