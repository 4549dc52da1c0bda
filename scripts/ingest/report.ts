import type { RemovedLine } from './extract.ts';

/** How one input file fared. */
export type InputStatus = 'ok' | 'warning' | 'error' | 'skipped';

/** The report's line for one input file: what became of it and why. */
export interface InputReport {
  file: string;
  status: InputStatus;
  article: string | null;
  title: string | null;
  encoding: string | null;
  problems: string[];
  warnings: string[];
  evidence: Record<string, string>;
  removed: RemovedLine[];
}

/** The whole ingest report, written to content/ingest-report.json. */
export interface IngestReport {
  pipelineVersion: string;
  totals: Record<InputStatus, number> & { inputs: number; articles: number };
  inputs: InputReport[];
}

/** Sums the statuses of the inputs. */
export function summarize(pipelineVersion: string, inputs: InputReport[]): IngestReport {
  const totals = { inputs: inputs.length, articles: 0, ok: 0, warning: 0, error: 0, skipped: 0 };
  for (const input of inputs) {
    totals[input.status]++;
    if (input.article) totals.articles++;
  }
  return { pipelineVersion, totals, inputs };
}

/** Renders the report as a short table for the terminal. */
export function formatReportTable(report: IngestReport, verbose = false): string {
  const rows = report.inputs
    .filter((i) => verbose || i.status !== 'ok' || report.inputs.length <= 50)
    .map((i) => {
      const detail =
        i.status === 'error' || i.status === 'skipped'
          ? i.problems.join('; ')
          : `${i.article}${i.warnings.length ? ` — ${i.warnings.join('; ')}` : ''}`;
      return `${i.status.padEnd(7)} ${i.file}  ${detail}`;
    });
  const t = report.totals;
  rows.push(
    `ingest: ${t.inputs} inputs → ${t.articles} articles (${t.ok} ok, ${t.warning} with warnings, ${t.error} errors, ${t.skipped} skipped)`,
  );
  return rows.join('\n');
}
