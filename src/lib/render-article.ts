import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeLinkMentions from '../plugins/rehype-link-mentions.ts';
import rehypeParagraphIds from '../plugins/rehype-paragraph-ids.ts';
import { sanitizeSchema } from '../plugins/sanitize-schema.ts';
import type { Article } from '../schema.ts';

// Sanitize first, so nothing from an input survives as markup; then number the paragraphs and link
// the mentions the ingest recorded for each of them. Raw HTML in the Markdown is dropped, not parsed.
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeParagraphIds)
  .use(rehypeLinkMentions)
  .use(rehypeStringify)
  .freeze();

/** Renders an article's Markdown body to HTML, with paragraph ids and linked mentions. */
export function renderArticleBody(body: string, frontmatter: Article): string {
  return String(processor.processSync(new VFile({ value: body, data: { frontmatter } })));
}
