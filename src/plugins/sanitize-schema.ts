import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * The sanitizer's allow-list for article bodies: GitHub's default, without the id prefix
 * (Parallax sets its own paragraph and heading ids after sanitizing) and without images.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: (defaultSchema.tagNames ?? []).filter(
    (tag) => !['img', 'picture', 'source', 'video', 'audio', 'iframe', 'input'].includes(tag),
  ),
  protocols: { href: ['http', 'https', 'mailto'] },
};
