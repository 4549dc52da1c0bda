// A worker for the pool's tests: doubles numbers, and refuses anything else.
import { parentPort, workerData } from 'node:worker_threads';

const { factor } = (workerData as { data: { factor: number } }).data;
parentPort!.on('message', (n: unknown) => {
  if (typeof n === 'number') parentPort!.postMessage({ ok: true, value: n * factor });
  else parentPort!.postMessage({ ok: false, error: `not a number: ${String(n)}` });
});
