import type { Actor } from '../../../src/schema.ts';

/** An actor as one article knows it: a curated entry or a name the article introduced. */
export interface ActorInfo {
  id: string;
  name: string;
  kind: Actor['kind'];
  aliases: string[];
  description: string | null;
  affiliation: string | null;
  reviewed: boolean;
}

/** One sentence of an article, numbered across the whole article. */
export interface Sentence {
  index: number;
  paragraph: string;
  /** Position of the paragraph in the article, from 0. */
  paragraphIndex: number;
  start: number;
  end: number;
  text: string;
}

/** One place where an actor is named, with how it is used there. */
export interface Mention {
  actor: string;
  paragraph: string;
  paragraphIndex: number;
  sentence: number;
  start: number;
  end: number;
  surface: string;
  /** A capital used for its state ("Moscow reacted") or named as a place ("in Moscow"). */
  use: 'actor' | 'place';
}

/** A country pointed to by an adjective or demonym ("Azerbaijani", "Russians"). */
export interface CountrySignal {
  country: string;
  paragraphIndex: number;
  sentence: number;
  start: number;
}
