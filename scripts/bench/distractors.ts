import { learnNavProfile, navEnd } from "../../lib/ingest/boilerplate";
import { EmptyReleaseError, parseRelease } from "../../lib/ingest/parse";
import { splitSentences } from "../../lib/ingest/sentences";
import { prng } from "../../lib/utils/prng";

export interface Donor {
  releaseId: string;
  /** The release file as saved (navigation included). */
  text: string;
}

/** A generated release file. */
export interface Distractor {
  name: string;
  text: string;
}

/**
 * Synthetic distractor releases for scale benchmarks: real sentences of the donors recombined
 * (never of the releases a golden question targets: pass only the others as donors), names and
 * numbers shuffled, a real title with its names swapped, the site navigation of a donor kept.
 * They look like releases to every retriever without answering any golden question. Pure and
 * deterministic for a seed.
 */
export function makeDistractors(input: { donors: Donor[]; count: number; seed?: number }): Distractor[] {
  const rand = prng(input.seed ?? 7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const profile = learnNavProfile(input.donors.map((d) => d.text));
  const navBlocks: string[] = [];
  const titles: string[] = [];
  const sentences: string[] = [];
  const places: string[] = [];
  for (const d of input.donors) {
    const lines = d.text.split("\n");
    navBlocks.push(lines.slice(0, navEnd(lines, profile)).join("\n"));
    let release;
    try {
      release = parseRelease({ releaseId: d.releaseId, source: `${d.releaseId}.txt`, text: d.text, profile });
    } catch (err) {
      if (err instanceof EmptyReleaseError) continue;
      throw err;
    }
    titles.push(release.title);
    if (release.location) places.push(release.location);
    // the dateline is written again with another place
    const body = release.location ? release.text.replace(new RegExp(`^${escape(release.location)}\\s*[-–—]\\s*`), "") : release.text;
    for (const s of splitSentences(body)) if (s.text.length >= 40 && s.text.length <= 400) sentences.push(s.text);
  }
  if (!sentences.length) throw new Error("the donor releases have no sentences to recombine");
  const names = [...new Set(sentences.flatMap((s) => [...s.matchAll(/(?<=[a-zà-ÿ,;] )\p{Lu}[\p{Ll}]{3,}/gu)].map((m) => m[0])))];
  const shuffleNames = (s: string) => s.replace(/(?<=[a-zà-ÿ,;] )\p{Lu}[\p{Ll}]{3,}/gu, (w) => (names.length && rand() < 0.7 ? pick(names) : w));
  const shuffleNumbers = (s: string) =>
    s.replace(/\d+/g, (n) => {
      if (/^(?:19|20)\d\d$/.test(n)) return String(1990 + Math.floor(rand() * 36));
      let out = String(1 + Math.floor(rand() * 9));
      for (let i = 1; i < n.length; i++) out += String(Math.floor(rand() * 10));
      return out;
    });
  const out: Distractor[] = [];
  const width = String(input.count).length;
  for (let i = 0; i < input.count; i++) {
    const paragraphs: string[] = [];
    // long releases (≈ 6 chunks each), so that 20,000 of them make the 130k chunks the goals are set at
    const n = 14 + Math.floor(rand() * 24);
    let current: string[] = [];
    for (let j = 0; j < n; j++) {
      current.push(shuffleNumbers(shuffleNames(pick(sentences))));
      if (current.length >= 2 + Math.floor(rand() * 3)) {
        paragraphs.push(current.join(" "));
        current = [];
      }
    }
    if (current.length) paragraphs.push(current.join(" "));
    if (places.length) paragraphs[0] = `${pick(places)} - ${paragraphs[0]}`;
    const nav = pick(navBlocks);
    const title = shuffleNumbers(shuffleNames(pick(titles)));
    out.push({ name: `distractor-${String(i + 1).padStart(width, "0")}.txt`, text: `${nav ? `${nav}\n` : ""}${title}\n\n${paragraphs.join("\n\n")}\n` });
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
