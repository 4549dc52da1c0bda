import path from 'node:path';
import * as pagefind from 'pagefind';

/** Throws one error listing every problem Pagefind reported for a step, if it reported any. */
function assertNoErrors(step: string, errors: string[]): void {
  if (errors.length > 0)
    throw new Error(`pagefind ${step} failed:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

/**
 * Indexes every HTML page of a built site and writes the index to `<site>/pagefind`.
 * Every step's errors are checked, and Pagefind's process is always closed.
 */
export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    assertNoErrors('createIndex', errors);
    if (!index) throw new Error('pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: siteDir });
    assertNoErrors('addDirectory', added.errors);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    assertNoErrors('writeFiles', written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
