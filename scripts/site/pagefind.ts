import { rm, rename } from 'node:fs/promises';
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
    // Written beside the old index and swapped in, so that no file of an earlier build's index
    // (its fragments are named by content) outlives it, and a failed run leaves the old one whole.
    const target = path.join(siteDir, 'pagefind');
    const staging = path.join(siteDir, `.pagefind-${process.pid}`);
    const written = await index.writeFiles({ outputPath: staging });
    assertNoErrors('writeFiles', written.errors);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
