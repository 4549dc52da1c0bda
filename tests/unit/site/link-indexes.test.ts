import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLinkIndexes } from '../../../src/lib/link-indexes.ts';
import { collectLinkIndexes, formatIndexFile } from '../../../scripts/ingest/link-indexes.ts';
import { makeTempDir } from '../../helpers/temp.ts';

let root: string;
beforeEach(() => {
  root = makeTempDir('links');
  mkdirSync(path.join(root, 'indexes'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const quote = {
  text: 'We will not leave.',
  speaker: 'jane-doe',
  speakerName: 'Jane Doe',
  paragraph: 'p-2',
  medium: null,
};

function writeIndexes(quotes: string, mentions: string) {
  writeFileSync(path.join(root, 'indexes/quotes.json'), quotes);
  writeFileSync(path.join(root, 'indexes/mentions.json'), mentions);
}

describe('the link indexes', () => {
  it('are gathered in id order, without empty lists or the sentences of mentions', () => {
    const mention = { article: 'b-story', paragraph: 'p-1', surface: 'Doe' };
    const corpus = {
      articles: [
        { id: 'b-story', data: { quotes: [quote] }, body: '' },
        { id: 'a-story', data: { quotes: [] }, body: '' },
      ],
      actors: new Map<string, unknown>([
        ['zed', { mentions: [] }],
        ['jane-doe', { mentions: [{ ...mention, sentence: 'Doe spoke.' }] }],
      ]),
    };
    expect(collectLinkIndexes(corpus as never)).toEqual([
      ['indexes/quotes.json', { 'b-story': [quote] }],
      ['indexes/mentions.json', { 'jane-doe': [mention] }],
    ]);
  });

  it('are written one key per line and read back as they were', () => {
    const mentions = {
      'jane-doe': [{ article: 'b-story', paragraph: 'p-1', surface: 'Doe' }],
      zed: [{ article: 'a-story', paragraph: 'p-3', surface: 'Zed' }],
    };
    const text = formatIndexFile(mentions);
    expect(text.split('\n')).toHaveLength(5);
    writeIndexes(formatIndexFile({ 'b-story': [quote] }), text);
    const links = readLinkIndexes(root);
    expect(Object.fromEntries(links.mentions)).toEqual(mentions);
    expect(links.quotes.get('b-story')).toEqual([quote]);
    expect(formatIndexFile({})).toBe('{}\n');
  });

  it('name the file and the field when an index does not match its schema', () => {
    writeIndexes('{"b-story": [{"text": "", "speaker": null}]}', '{}');
    expect(() => readLinkIndexes(root)).toThrow(/indexes\/quotes\.json: [\s\S]*b-story/);
  });

  it('say to run the ingest when an index is missing', () => {
    rmSync(path.join(root, 'indexes'), { recursive: true });
    expect(() => readLinkIndexes(root)).toThrow(
      /indexes\/quotes\.json: cannot be read .*run the ingest first/,
    );
  });
});
