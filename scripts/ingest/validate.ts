import { availableParallelism } from 'node:os';
import type { ZodType } from 'astro/zod';
import {
  actorSchema,
  articleSchema,
  eventSchema,
  sourceSchema,
  topicSchema,
} from '../../src/schema.ts';
import { createWorkerPool, WorkerPoolError, type WorkerPool } from '../../src/lib/worker-pool.ts';

/** The schema of each collection the ingest writes. */
export const ENTRY_SCHEMAS = {
  articles: articleSchema,
  actors: actorSchema,
  events: eventSchema,
  sources: sourceSchema,
  topics: topicSchema,
} satisfies Record<string, ZodType>;

/** A collection the ingest writes. */
export type EntryCollection = keyof typeof ENTRY_SCHEMAS;

/** One validation problem, named by entry and field path. */
export interface ValidationProblem {
  entry: string;
  field: string;
  message: string;
}

/** One entry to check: its collection, its name in the report, and the JSON it is written as. */
export interface EntryCheck {
  collection: EntryCollection;
  entry: string;
  json: string;
}

/**
 * Checks an entry as it will be read back: the JSON text written to its file, parsed, against its
 * collection's schema. Gives its problems, none when it is valid.
 */
export function checkEntry({ collection, entry, json }: EntryCheck): ValidationProblem[] {
  const result = ENTRY_SCHEMAS[collection].safeParse(JSON.parse(json));
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    entry,
    field: issue.path.join('.') || '(entry)',
    message: issue.message,
  }));
}

/**
 * From this many entries, the checks run on worker threads while the main thread writes. A worker
 * takes about a second to start: in the benchmark's rerun of 1,000 articles (3,400 entries, most
 * of them linked rather than written) the write step waited 0.45 s for checks that take 0.37 s
 * here; at 10,000 articles (22,000 entries) it waited 0.04 s for 2.5 s of checks.
 */
export const PARALLEL_MIN_ENTRIES = 10_000;
/** Entries per message to a worker: one message per entry would cost more than many checks. */
const BATCH = 64;

/** Checks entries as they are handed over, and gives every problem, in the order they came. */
export interface EntryValidator {
  add(check: EntryCheck): void;
  /** Waits for the last checks; the problems of each entry, in the order the entries were added. */
  finish(): Promise<ValidationProblem[][]>;
  /** Stops the worker threads, if any: after `finish`, or when the writing failed before it. */
  close(): Promise<void>;
}

/** How many threads validate: the main thread, or workers beside it. */
export interface ValidatorOptions {
  /** How many entries are coming, to decide whether workers pay for their start. */
  expected: number;
  /** Worker threads; 0 keeps the checks on the main thread. Default: one per core but one (the writing thread's), at most 3. */
  threads?: number;
  minEntries?: number;
}

/**
 * Starts checking entries: on worker threads for a large corpus, so that the schema checks (2.5 s
 * of a 10,000-article ingest) run while the main thread formats and writes, else here at once.
 * A pool that fails hands its unchecked entries back to this thread.
 */
export function createEntryValidator({
  expected,
  threads = Math.min(availableParallelism() - 1, 3),
  minEntries = PARALLEL_MIN_ENTRIES,
}: ValidatorOptions): EntryValidator {
  const results: Array<ValidationProblem[][] | Promise<ValidationProblem[][]>> = [];
  // The main thread writes without pausing, so it never hears a worker finish a batch: every
  // batch is handed over as it is made, and each worker takes its share at once.
  const depth = Math.ceil(expected / BATCH / Math.max(threads, 1)) + 1;
  const pool: WorkerPool<EntryCheck[], ValidationProblem[][]> | null =
    threads >= 1 && expected >= minEntries
      ? createWorkerPool(new URL('./validate-worker.ts', import.meta.url), threads, null, {
          depth,
        })
      : null;
  let batch: EntryCheck[] = [];
  const send = () => {
    const checks = batch;
    batch = [];
    results.push(
      pool!
        .run(checks)
        .catch((error: Error) =>
          error instanceof WorkerPoolError ? checks.map(checkEntry) : Promise.reject(error),
        ),
    );
  };
  return {
    add(check) {
      if (!pool) {
        results.push([checkEntry(check)]);
        return;
      }
      batch.push(check);
      if (batch.length === BATCH) send();
    },
    async finish() {
      if (batch.length) send();
      return (await Promise.all(results)).flat();
    },
    async close() {
      await pool?.close();
    },
  };
}
