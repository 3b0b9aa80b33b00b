/** French synonyms: which release words a question word may stand for. Pure. */
import { words } from "./normalize";
import { STOPWORDS } from "./stopwords";
import { SYNONYMS } from "./synonyms-data";

/** Folded one-word alternative → the folded release words it stands for. */
const BY_ALTERNATIVE: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [releaseWord, alternatives] of SYNONYMS) {
    const target = words(releaseWord);
    if (target.length !== 1) continue;
    for (const alt of alternatives.split(",")) {
      const w = words(alt);
      // only one-word alternatives: a phrase's words would each stand for the whole
      if (w.length !== 1 || STOPWORDS.has(w[0]!) || w[0] === target[0]) continue;
      const list = map.get(w[0]!) ?? [];
      if (!list.includes(target[0]!)) list.push(target[0]!);
      map.set(w[0]!, list);
    }
  }
  return map;
})();

/** The release words a folded question word may stand for (none when it has no synonym). */
export function releaseWordsFor(word: string): readonly string[] {
  return BY_ALTERNATIVE.get(word) ?? [];
}

/** Folded phrase of several words (padded) → the release words it stands for ("tremblement de terre" → séisme). */
const BY_PHRASE: readonly { padded: string; words: string[]; targets: string[] }[] = (() => {
  const out: { padded: string; words: string[]; targets: string[] }[] = [];
  for (const [releaseWord, alternatives] of SYNONYMS) {
    const target = words(releaseWord);
    if (target.length !== 1) continue;
    for (const alt of alternatives.split(",")) {
      const w = words(alt);
      if (w.length < 2) continue;
      const found = out.find((p) => p.padded === ` ${w.join(" ")} `);
      if (found) found.targets.push(target[0]!);
      else out.push({ padded: ` ${w.join(" ")} `, words: w.filter((x) => !STOPWORDS.has(x)), targets: [target[0]!] });
    }
  }
  return out;
})();

/**
 * The phrases of a folded text that stand for a release word: their first content word with the
 * release words (one concept of the question, not one per word of the phrase).
 */
export function phraseSynonyms(folded: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const padded = ` ${folded} `;
  for (const p of BY_PHRASE) {
    const head = p.words[0];
    if (!head || !padded.includes(p.padded)) continue;
    out.set(head, [...new Set([...(out.get(head) ?? []), ...p.targets])]);
  }
  return out;
}
