/**
 * The benchmark: generates N raw articles, runs the real pipeline on them in a clean folder
 * (ingest → astro build → Pagefind), then an incremental run after one article is changed and
 * one added, then a bare Astro build of the same articles for reference. Prints JSON lines.
 * Usage: npm run bench -- --help
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { failCommand, parseCommandLine, readWholeNumber } from './cli.ts';
import { readShellTimes, timeShellArgs, type CpuSeconds } from './bench/cpu-times.ts';
import { measureFirstSearch } from './bench/measure-search.ts';
import { readIngestSteps } from './bench/ingest-steps.ts';
import { chooseAstroNodeFlags } from './site/split-build.ts';
import {
  createRandom,
  generateCorpus,
  writeArticleText,
  writeCorpusKnowledge,
} from './bench/generate-corpus.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const USAGE =
  'npm run bench -- --articles N [--keep] [--runs cold,search,incremental,bare] [--astro-heap-mb M] [--bare-heap-mb M]';
const RUNS = ['cold', 'search', 'incremental', 'bare'];
const values = parseCommandLine('bench', USAGE, {
  articles: { type: 'string', default: '100' },
  keep: { type: 'boolean', default: false },
  // Node's heap for Parallax's Astro step, and for the bare reference's (which bundles every
  // article's body and HTML into its build: 2.6 GB at 10,000 articles, beyond that more).
  'astro-heap-mb': { type: 'string' },
  'bare-heap-mb': { type: 'string' },
  // Which runs to make; the incremental run follows the cold one.
  runs: { type: 'string', default: RUNS.join(',') },
});
const runs = new Set(values.runs.split(','));
const unknownRuns = [...runs].filter((r) => !RUNS.includes(r));
if (unknownRuns.length)
  failCommand('bench', `--runs: unknown run ${unknownRuns.join(', ')} (runs: ${RUNS.join(', ')})`);
/** A whole-number option, or null when it is not given; a malformed one stops the benchmark. */
function readNumberOption(name: keyof typeof values, min: number): number | null {
  const text = values[name];
  if (typeof text !== 'string') return null;
  return (
    readWholeNumber(text, min) ??
    failCommand('bench', `--${name}: not a whole number of at least ${min}: ${text}`)
  );
}
const articles = readNumberOption('articles', 1)!;
const astroHeap = readNumberOption('astro-heap-mb', 64);
const bareHeap = readNumberOption('bare-heap-mb', 64);

/** Sums the resident memory of a process and all its descendants, from /proc. */
function treeRssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we were reading it.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Runs a command to completion, timing it and sampling its process tree's peak memory. Its
 * processor time is read too: on this workplace's machines creating a file costs up to half a
 * millisecond of kernel time, and the site's tens of thousands of files make the kernel's share
 * (`sys`) a large and varying part of a step.
 */
function runStep(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = ROOT,
): Promise<{ ms: number; peakRssMb: number; cpuS: CpuSeconds | null; log: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('sh', timeShellArgs(command, args), {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Only lines that report figures are kept, so that a long log does not fill memory.
    let log = '';
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n'))
        if (/entry pages:|page\(s\) built|ingest steps:/.test(line)) log += `${line}\n`;
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0)
        reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`));
      else
        resolve({
          ms: Math.round(performance.now() - started),
          peakRssMb: Math.round(peak / 1024),
          cpuS: readShellTimes(stderr),
          log,
        });
    });
  });
}

/** The size of a folder in megabytes, and how many HTML pages it holds. */
function measureFolder(dir: string): { mb: number; pages: number } {
  let bytes = 0;
  let pages = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        bytes += statSync(full).size;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { mb: Math.round((bytes / 1048576) * 10) / 10, pages };
}

const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
const astro = path.join(ROOT, 'node_modules/.bin/astro');
/**
 * An Astro step's environment: the caller's NODE_OPTIONS, with the heap set only when the run asks
 * for it and any other flags the step needs.
 */
function withNodeOptions(
  env: Record<string, string>,
  heapMb: number | null,
  flags: string[] = [],
): Record<string, string> {
  const options = [
    ...(process.env.NODE_OPTIONS ? [process.env.NODE_OPTIONS] : []),
    ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
    ...flags,
  ];
  return options.length ? { ...env, NODE_OPTIONS: options.join(' ') } : env;
}

/** Runs the whole Parallax pipeline on a seeds folder and reports its figures. */
async function runPipeline(label: string, work: string): Promise<Record<string, unknown>> {
  const env = {
    PARALLAX_CONTENT: path.join(work, 'content'),
    PARALLAX_DIST: path.join(work, 'dist'),
    PARALLAX_CACHE: path.join(work, 'cache'),
  };
  // The ingest cache lives in the run's own folder: the first run is cold, the second warm.
  const ingestArgs = [
    '--seeds',
    path.join(work, 'seeds'),
    '--out',
    env.PARALLAX_CONTENT,
    '--knowledge',
    path.join(work, 'knowledge'),
    '--cache',
    path.join(work, 'ingest-cache'),
    '--timings',
  ];
  const ingest = await runStep(tsx, ['scripts/ingest.ts', ...ingestArgs], env);
  const build = await runStep(tsx, ['scripts/build-site.ts'], withNodeOptions(env, astroHeap));
  const index = await runStep(tsx, ['scripts/index-site.ts', '--site', env.PARALLAX_DIST], env);
  const dist = measureFolder(env.PARALLAX_DIST);
  const articleSizes = readdirSync(path.join(env.PARALLAX_DIST, 'articles'), {
    withFileTypes: true,
  })
    // Article pages only: the folder of the list's later pages (`page/`) holds no page itself.
    .map((e) => path.join(env.PARALLAX_DIST, 'articles', e.name, 'index.html'))
    .filter((file) => existsSync(file))
    .map((file) => statSync(file).size);
  return {
    run: label,
    articles: readdirSync(path.join(work, 'seeds')).length,
    astroHeapMb: astroHeap,
    pages: dist.pages,
    // Entry pages this build rendered, of all it has: the rest were kept from the last build.
    // A split build logs each process's count, then their sum.
    entryPagesRendered:
      [...build.log.matchAll(/entry pages: (\d+ of \d+) rendered/g)].at(-1)?.[1] ?? null,
    buildProcesses: Number(/split build \((\d+) processes\)/.exec(build.log)?.[1] ?? 1),
    ingestMs: ingest.ms,
    ingestStepsMs: readIngestSteps(ingest.log),
    buildMs: build.ms,
    indexMs: index.ms,
    totalMs: ingest.ms + build.ms + index.ms,
    peakRssMb: Math.max(ingest.peakRssMb, build.peakRssMb, index.peakRssMb),
    stepRssMb: { ingest: ingest.peakRssMb, build: build.peakRssMb, index: index.peakRssMb },
    stepCpuS: { ingest: ingest.cpuS, build: build.cpuS, index: index.cpuS },
    distMb: dist.mb,
    indexMb: measureFolder(path.join(env.PARALLAX_DIST, 'pagefind')).mb,
    articleHtmlKbMean:
      Math.round(
        articleSizes.reduce((a, b) => a + b, 0) / Math.max(1, articleSizes.length) / 102.4,
      ) / 10,
    articleHtmlKbMax: Math.round(Math.max(0, ...articleSizes) / 102.4) / 10,
  };
}

/** Builds the same articles with a bare Astro project: one page per article, no analysis. */
async function runBareReference(
  work: string,
): Promise<{ buildMs: number; peakRssMb: number; cpuS: CpuSeconds | null; pages: number }> {
  // Inside the project, so that 'astro' resolves from the project's node_modules.
  const bare = path.join(ROOT, '.cache', `bench-bare-${process.pid}`);
  await rm(bare, { recursive: true, force: true });
  await mkdir(path.join(bare, 'src/pages/articles'), { recursive: true });
  // Astro's glob loader reads YAML front matter only, and Parallax writes JSON front matter: the
  // reference gets the same bodies and titles as YAML (a JSON string is a YAML scalar).
  const bareArticles = path.join(work, 'bare-articles');
  await mkdir(bareArticles, { recursive: true });
  const sourceArticles = path.join(work, 'content/articles');
  for (const name of readdirSync(sourceArticles).filter((n) => n.endsWith('.md'))) {
    const { data, content } = matter(await readFile(path.join(sourceArticles, name), 'utf8'), {});
    await writeFile(
      path.join(bareArticles, name),
      `---\ntitle: ${JSON.stringify(String(data.title))}\n---\n${content}`,
    );
  }
  await writeFile(
    path.join(bare, 'astro.config.mjs'),
    `export default { outDir: ${JSON.stringify(path.join(work, 'bare-dist'))}, cacheDir: ${JSON.stringify(path.join(work, 'bare-cache'))}, markdown: { smartypants: false, gfm: false, syntaxHighlight: false } };\n`,
  );
  await writeFile(
    path.join(bare, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(bareArticles)} }) }) };\n`,
  );
  await writeFile(
    path.join(bare, 'src/pages/articles/[id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('articles')).map((a) => ({ params: { id: a.id }, props: { a } })); }\nconst { a } = Astro.props;\nconst { Content } = await render(a);\n---\n<html lang="en"><head><meta charset="utf-8"><title>{a.data.title}</title></head><body><main><h1>{a.data.title}</h1><Content /></main></body></html>\n`,
  );
  try {
    // With the young generation Parallax's build gives Astro, so that the ratio is Parallax's
    // own overhead and not a difference in the runtime's settings.
    const env = withNodeOptions({}, bareHeap, chooseAstroNodeFlags());
    const { ms, peakRssMb, cpuS } = await runStep(astro, ['build'], env, bare);
    return {
      buildMs: ms,
      peakRssMb,
      cpuS,
      pages: measureFolder(path.join(work, 'bare-dist')).pages,
    };
  } finally {
    await rm(bare, { recursive: true, force: true });
  }
}

/**
 * Times a fixed piece of single-threaded JavaScript work (objects, JSON, regular expressions, as
 * the pipeline does). This workplace's machines run at speeds that differ by up to half from one
 * hour to the next, so each run says how fast the machine was: compare runs by their ratios, or
 * scale their times by this figure.
 */
function calibrateMachine(): number {
  const started = performance.now();
  let words = 0;
  for (let round = 0; round < 4; round++) {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      id: `entry-${i}`,
      text: `Row ${i} said that ${(i * 7919) % 1000} people met in ${i % 97} towns.`,
    }));
    const parsed = JSON.parse(JSON.stringify(rows)) as typeof rows;
    for (const row of parsed) words += row.text.match(/\b\w+\b/g)!.length;
  }
  if (words === 0) throw new Error('calibration did no work');
  return Math.round(performance.now() - started);
}

// The search run needs the browser the tests use; on a new machine it is installed first, before
// minutes of building are spent (its messages go to stderr, beside the JSON lines on stdout).
if (runs.has('search'))
  execFileSync('bash', [path.join(ROOT, 'scripts/ensure-chromium.sh')], {
    stdio: ['ignore', 2, 2],
  });
console.log(JSON.stringify({ run: 'machine', calibrationMs: calibrateMachine() }));
const work = await mkdtemp(path.join(tmpdir(), `parallax-bench-${articles}-`));
try {
  const world = await generateCorpus(path.join(work, 'seeds'), articles);
  await writeCorpusKnowledge(
    path.join(work, 'knowledge'),
    world,
    path.join(ROOT, 'content/knowledge'),
  );
  const cold = await runPipeline('cold', work);
  console.log(JSON.stringify(cold));

  if (runs.has('search')) {
    // A word nearly every article uses, so that its index chunk is as large as any.
    const search = await measureFirstSearch(path.join(work, 'dist'), 'said');
    console.log(JSON.stringify({ run: 'first-search', articles, ...search }));
  }

  if (runs.has('incremental')) {
    // One article changed, one added: what a day's new material costs.
    const random = createRandom(7);
    // A correction inside the body (a line appended after the page's footer would be chrome).
    const changed = path.join(work, 'seeds', 'article-000000.txt');
    await writeFile(changed, (await readFile(changed, 'utf8')).replace(' said ', ' stated '));
    await writeFile(
      path.join(work, 'seeds', 'article-new.txt'),
      writeArticleText(random, world, articles + 1),
    );
    const incremental = await runPipeline('incremental', work);
    console.log(
      JSON.stringify({
        ...incremental,
        shareOfCold:
          Math.round(((incremental.totalMs as number) / (cold.totalMs as number)) * 100) / 100,
      }),
    );
  }

  if (runs.has('bare')) {
    const bare = await runBareReference(work);
    console.log(
      JSON.stringify({
        run: 'bare-astro',
        bareHeapMb: bareHeap,
        articles,
        pages: bare.pages,
        buildMs: bare.buildMs,
        peakRssMb: bare.peakRssMb,
        cpuS: bare.cpuS,
        parallaxBuildRatio: Math.round(((cold.buildMs as number) / bare.buildMs) * 100) / 100,
        // Parallax renders a page for every actor, event, topic and source too: per page built.
        perPageRatio:
          Math.round(
            ((cold.buildMs as number) / (cold.pages as number) / (bare.buildMs / bare.pages)) * 100,
          ) / 100,
      }),
    );
  }
  console.log(JSON.stringify({ run: 'machine', calibrationMs: calibrateMachine() }));
} finally {
  if (!values.keep) await rm(work, { recursive: true, force: true });
  else console.error(`kept ${work}`);
}
