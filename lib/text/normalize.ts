/** French/English-aware text normalisation shared by lexical search and the hash embedder. Pure. */
import { stemmer as frenchSnowball } from "@orama/stemmers/french";

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/;

/** Lower-cases, folds accents and ligatures, unifies apostrophes. */
export function fold(text: string): string {
  return text
    .replace(/[’‘`´]/g, "'")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Splits folded text into word tokens, removing French elisions (l', d', qu'…). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text).split(/[^a-z0-9']+/)) {
    if (!raw) continue;
    let w = raw;
    if (w.includes("'")) {
      // English possessive ("IOM's" → "iom"), French elision ("l'atelier" → "atelier"),
      // inner apostrophes kept as one token ("aujourd'hui" → "aujourdhui")
      w = w.replace(/^'+|'+$/g, "").replace(/'s$/, "");
      const m = ELISION.exec(w);
      if (m) w = w.slice(m[0].length);
      w = w.replace(/'/g, "");
      if (!w) continue;
    }
    out.push(ORDINALS.get(w) ?? (w.charCodeAt(0) <= 57 ? ordinal(w) : w));
  }
  return out;
}

/** Offsets where the words of a text start, as `words()` counts them ("d'Hérat" is one word). */
export function wordStarts(text: string): number[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)].map((m) => m.index);
}

/** How many of the sorted word starts are below an offset: the index of the word starting there (binary search). */
export function wordsBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spelled ordinals, French and English, written as numbers: "deuxième", "second", "2nd" → "2e". */
const ORDINALS = new Map<string, string>([
  ["premier", "1e"], ["premiere", "1e"], ["premiers", "1e"], ["premieres", "1e"], ["first", "1e"],
  ["deuxieme", "2e"], ["deuxiemes", "2e"], ["second", "2e"], ["seconde", "2e"],
  ["troisieme", "3e"], ["troisiemes", "3e"], ["third", "3e"], ["quatrieme", "4e"], ["fourth", "4e"], ["cinquieme", "5e"], ["fifth", "5e"],
]);

function ordinal(w: string): string {
  const m = /^(\d{1,3})(?:e|eme|er|ere|nd|rd|th|st)$/.exec(w);
  return m ? `${m[1]}e` : w;
}

/** Words whose ending is not an inflection and whose stem would collide ("fonds" ≠ "fondé"). */
const INVARIANT = new Set(["fonds", "pays", "temps", "corps", "fois", "mois", "prix", "paix", "voix", "sud", "nord"]);

/** Version of the analysis (folding, stop words, stemming): indexes built with another are rebuilt. */
export const ANALYZER_VERSION = 13;

/**
 * French Snowball stemmer (`@orama/stemmers`; it measured better than the hand-written suffix
 * stripper it replaced: README, "Libraries, and why"), harmless for English words. Numbers,
 * short words and a few words whose ending is not an inflection are kept. Expects folded words.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || INVARIANT.has(word)) return word;
  let s = STEMS.get(word);
  if (s === undefined) {
    s = frenchSnowball(word);
    if (STEMS.size > 200_000) STEMS.clear();
    STEMS.set(word, s);
  }
  return s;
}

/** Memo of stems: a corpus has far fewer distinct words than occurrences. */
const STEMS = new Map<string, string>();
