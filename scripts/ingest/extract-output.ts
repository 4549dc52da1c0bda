import type { ArticleAnalysis } from './analysis/analyze.ts';
import type { ArticleDraft, ExtractResult } from './extract.ts';
import { packStructure, unpackStructure, type BodyStructure } from './structure.ts';

/** An analysis made ahead of the corpus step, at the date the article states. */
export interface EarlyAnalysis {
  published: string | null;
  value: ArticleAnalysis;
}

/** What the ingest has for one input once it is read: the extraction, and perhaps its analysis. */
export interface ExtractOutput {
  result: ExtractResult;
  analysis: EarlyAnalysis | null;
}

/**
 * What a worker thread sends back for one input: the extraction as the cache keeps it and the
 * analysis, both as JSON text. The main thread parses the text and writes it to the cache as it
 * is, so that serializing for the cache, which cost that busy thread about 2 s of a
 * 10,000-article ingest, happens on the workers.
 */
export interface ExtractOutputText {
  result: string;
  analysis: { published: string | null; json: string } | null;
}

/** An extraction as the cache keeps it: the draft's body as blocks only (structure.ts). */
export type CachedExtractResult =
  | Exclude<ExtractResult, { ok: true }>
  | {
      ok: true;
      draft: Omit<ArticleDraft, 'structure'> & { structure: Pick<BodyStructure, 'blocks'> };
    };

/** Makes the form of an extraction that the cache keeps. */
export function packExtractResult(result: ExtractResult): CachedExtractResult {
  return result.ok
    ? { ok: true, draft: { ...result.draft, structure: packStructure(result.draft.structure) } }
    : result;
}

/** Rebuilds an extraction from the form the cache keeps. */
export function unpackExtractResult(
  cached: CachedExtractResult | undefined,
): ExtractResult | undefined {
  if (!cached?.ok) return cached;
  return {
    ok: true,
    draft: { ...cached.draft, structure: unpackStructure(cached.draft.structure) },
  };
}

/** Writes a worker's output as the JSON text it sends. */
export function writeOutputText(output: ExtractOutput): ExtractOutputText {
  return {
    result: JSON.stringify(packExtractResult(output.result)),
    analysis: output.analysis && {
      published: output.analysis.published,
      json: JSON.stringify(output.analysis.value),
    },
  };
}

/** Reads a worker's output back from its JSON text. */
export function readOutputText(text: ExtractOutputText): ExtractOutput {
  return {
    result: unpackExtractResult(JSON.parse(text.result) as CachedExtractResult)!,
    analysis: text.analysis && {
      published: text.analysis.published,
      value: JSON.parse(text.analysis.json) as ArticleAnalysis,
    },
  };
}
