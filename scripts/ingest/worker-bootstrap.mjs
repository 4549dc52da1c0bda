// A worker thread's first module. Node 20 does not carry the parent's module hooks into worker
// threads, so tsx is registered here before the TypeScript entry named in workerData is loaded.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
