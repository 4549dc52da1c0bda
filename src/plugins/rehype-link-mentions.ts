import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { paths } from '../lib/format.ts';

/** A mention in the front matter: which entry, which paragraph, and the words the text used. */
interface FrontmatterMention {
  paragraph: string;
  surface: string;
  actor?: string;
  event?: string;
  topic?: string;
}

interface Frontmatter {
  mentions?: FrontmatterMention[];
  /** Optional lists in the same shape, for event and topic mentions, when the analysis gives them. */
  eventMentions?: FrontmatterMention[];
  topicMentions?: FrontmatterMention[];
}

const LETTER = /[\p{L}\p{N}]/u;

/** The page an entry mention links to, or null when the mention names nothing linkable. */
function hrefOf(m: FrontmatterMention): string | null {
  if (m.actor) return paths.actor(m.actor);
  if (m.event) return paths.event(m.event);
  if (m.topic) return paths.topic(m.topic);
  return null;
}

/** Index of the surface as a whole word in the text, or -1. */
function findWord(text: string, surface: string): number {
  for (let at = text.indexOf(surface); at !== -1; at = text.indexOf(surface, at + 1)) {
    const before = text[at - 1];
    const after = text[at + surface.length];
    if ((!before || !LETTER.test(before)) && (!after || !LETTER.test(after))) return at;
  }
  return -1;
}

/** Wraps the first whole-word occurrence of the surface (outside existing links) in a link; true if it did. */
function linkFirst(parent: Element, surface: string, href: string): boolean {
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i]!;
    if (child.type === 'element') {
      if (child.tagName !== 'a' && linkFirst(child, surface, href)) return true;
      continue;
    }
    if (child.type !== 'text') continue;
    const at = findWord(child.value, surface);
    if (at === -1) continue;
    const parts: ElementContent[] = [];
    if (at > 0) parts.push({ type: 'text', value: child.value.slice(0, at) } satisfies Text);
    parts.push({
      type: 'element',
      tagName: 'a',
      properties: { href },
      children: [{ type: 'text', value: surface }],
    });
    const rest = child.value.slice(at + surface.length);
    if (rest) parts.push({ type: 'text', value: rest });
    parent.children.splice(i, 1, ...parts);
    return true;
  }
  return false;
}

/**
 * Links the first mention of each actor, event or topic in every paragraph to its page, using the
 * mentions the ingest recorded in the front matter (so the text itself is never guessed at here),
 * and gives each paragraph a visible permalink. Runs after rehype-paragraph-ids.
 */
export default function rehypeLinkMentions() {
  return (tree: Root, file: VFile) => {
    const fm = (file.data as { frontmatter?: Frontmatter }).frontmatter ?? {};
    const byParagraph = new Map<string, FrontmatterMention[]>();
    for (const m of [
      ...(fm.mentions ?? []),
      ...(fm.eventMentions ?? []),
      ...(fm.topicMentions ?? []),
    ]) {
      if (!m || typeof m.paragraph !== 'string' || typeof m.surface !== 'string') continue;
      const list = byParagraph.get(m.paragraph);
      if (list) list.push(m);
      else byParagraph.set(m.paragraph, [m]);
    }
    const paragraphs: Element[] = [];
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'p') paragraphs.push(node);
      else if (node.tagName === 'ul' || node.tagName === 'ol')
        for (const item of node.children)
          if (item.type === 'element' && item.tagName === 'li') paragraphs.push(item);
    }
    for (const paragraph of paragraphs) {
      const id = paragraph.properties.id;
      if (typeof id !== 'string') continue;
      const linked = new Set<string>();
      // Longer surfaces first, so "Heydar Aliyev" is linked before a bare "Aliyev" could claim it.
      const mentions = [...(byParagraph.get(id) ?? [])].sort(
        (a, b) => b.surface.length - a.surface.length,
      );
      for (const m of mentions) {
        const href = hrefOf(m);
        if (!href || linked.has(href)) continue;
        if (linkFirst(paragraph, m.surface, href)) linked.add(href);
      }
      paragraph.children.push(
        { type: 'text', value: ' ' },
        {
          type: 'element',
          tagName: 'a',
          properties: {
            href: `#${id}`,
            className: ['permalink'],
            ariaLabel: `Link to paragraph ${id.slice(2)}`,
            dataPagefindIgnore: '',
          },
          children: [{ type: 'text', value: '¶' }],
        },
      );
    }
  };
}
