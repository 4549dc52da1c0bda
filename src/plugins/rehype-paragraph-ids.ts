import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

interface Frontmatter {
  headings?: Array<{ id: string }>;
}

/**
 * Gives each top-level paragraph and list item of an article the id the ingest gave it
 * (`p-1`, `p-2`, … in document order) and each heading the ingest's heading id, so that every
 * fact in content/ can link to the exact paragraph it came from.
 */
export default function rehypeParagraphIds() {
  return (tree: Root, file: VFile) => {
    const headingIds =
      (file.data as { frontmatter?: Frontmatter }).frontmatter?.headings?.map((h) => h.id) ?? [];
    let paragraph = 0;
    let heading = 0;
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'p') node.properties.id = `p-${++paragraph}`;
      else if (/^h[2-6]$/.test(node.tagName)) {
        const id = headingIds[heading++];
        if (id) node.properties.id = id;
      } else if (node.tagName === 'ul' || node.tagName === 'ol') {
        for (const item of node.children) {
          if (item.type === 'element' && (item as Element).tagName === 'li')
            (item as Element).properties.id = `p-${++paragraph}`;
        }
      }
    }
  };
}
