/** French synonyms: which release words a question word may stand for. Pure. */
import { stem, words } from "./normalize";
import { STOPWORDS } from "./stopwords";
import { SYNONYMS } from "./synonyms-data";

/**
 * Folded one-word alternative → the folded release words it stands for (also by its stem);
 * folded phrase of several words (padded) → its content words and the release words
 * ("tremblement de terre" → séisme). A phrase is kept whole: its words would each stand for the
 * whole.
 */
const { BY_ALTERNATIVE, BY_STEM, BY_PHRASE } = (() => {
  const single = new Map<string, string[]>();
  // the same by the alternative's stem, for the inflected verbs of questions ("dérivaient" for "dérivent")
  const byStem = new Map<string, string[]>();
  const phrases = new Map<string, { words: string[]; targets: string[] }>();
  const add = (list: string[], target: string) => list.includes(target) || list.push(target);
  for (const [releaseWord, alternatives] of SYNONYMS) {
    const target = words(releaseWord);
    if (target.length !== 1) continue;
    for (const alt of alternatives.split(",")) {
      const w = words(alt);
      if (w.length > 1) {
        const padded = ` ${w.join(" ")} `;
        const phrase = phrases.get(padded) ?? { words: w.filter((x) => !STOPWORDS.has(x)), targets: [] };
        add(phrase.targets, target[0]!);
        phrases.set(padded, phrase);
      } else if (w.length === 1 && !STOPWORDS.has(w[0]!) && w[0] !== target[0]) {
        for (const [map, key] of [[single, w[0]!], [byStem, stem(w[0]!)]] as const) {
          const list = map.get(key) ?? [];
          add(list, target[0]!);
          map.set(key, list);
        }
      }
    }
  }
  return {
    BY_ALTERNATIVE: single as ReadonlyMap<string, readonly string[]>,
    BY_STEM: byStem as ReadonlyMap<string, readonly string[]>,
    BY_PHRASE: [...phrases].map(([padded, p]) => ({ padded, ...p })),
  };
})();

/** Endings of conjugated verbs: only they look for a synonym by stem ("accorder" may, the noun "accord" may not). */
const VERB_ENDING = /(?:aient|ait|ais|ent|ons|ez|ant|erent|er|ir|it)$/;

/**
 * The release words a folded question word may stand for: as written, with a plural or feminine
 * ending ("cyclones", "débloquées"), or a verb by its stem; none when it has no synonym.
 */
export function releaseWordsFor(word: string): readonly string[] {
  for (const form of new Set([word, word.replace(/s$/, ""), word.replace(/e?s?$/, "")])) {
    const found = BY_ALTERNATIVE.get(form);
    if (found) return found;
  }
  return (VERB_ENDING.test(word) && BY_STEM.get(stem(word))) || [];
}

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
