import type { Concept } from "../text/query";

/** Weight of a concept: the rarest of its own stems across releases (absent stems count as rare; related stems do not weigh). */
export type IdfOf = (stem: string) => number;

export interface Coverage {
  /** Share of the concepts found, each weighted by its inverse release frequency (0–1). */
  weighted: number;
  /** Number of concepts found. */
  matched: number;
  /** Number of informative concepts (in fewer than most releases) found, and asked. */
  informed: number;
  informative: number;
}

/**
 * Weight (idf) under which a concept is in most releases ("OIM", "migrants": over 60%) and tells
 * none apart; an index of fewer releases than `INFORMATIVE_MIN_RELEASES` says nothing of it.
 */
export const INFORMATIVE_WEIGHT = 0.5;
export const INFORMATIVE_MIN_RELEASES = 30;

/** The informative weight for an index of `releases` releases (0 for a small index: every concept informs). */
export function informativeWeight(releases: number): number {
  return releases >= INFORMATIVE_MIN_RELEASES ? INFORMATIVE_WEIGHT : 0;
}

/**
 * Whether one of a concept's stems is in `stems`, exactly or as a long shared prefix
 * ("parlementair" ~ "parlement", "panameen" ~ "panama"): at least 5 letters covering most of
 * the shorter stem.
 */
export function conceptIn(concept: Concept, stems: ReadonlySet<string>): boolean {
  const all = concept.related ? [...concept.stems, ...concept.related] : concept.stems;
  if (all.some((s) => stems.has(s))) return true;
  for (const s of all) {
    if (s.length < 5 || /\d/.test(s)) continue;
    for (const t of stems) {
      if (t.length < 5 || t[0] !== s[0]) continue;
      const shorter = Math.min(s.length, t.length);
      // nor a word a short stem begins ("photo" of "photosynthesis")
      if (shorter < 0.6 * Math.max(s.length, t.length)) continue;
      let common = 0;
      while (common < shorter && s[common] === t[common]) common++;
      // "fonctionnaire" is no form of "fonction", nor "questionnaire" of "question"
      if (common >= 5 && common >= 0.75 * shorter && !/^nair/.test((s.length > t.length ? s : t).slice(common))) return true;
    }
  }
  return false;
}

/** How much of the question's concepts a set of stems covers. Pure. */
export function coverage(input: {
  concepts: Concept[];
  stems: ReadonlySet<string>;
  idf: IdfOf;
  informative?: number;
  /** Whether a concept is found (default: its stems in `stems`); a release also finds names under other spellings. */
  found?: (c: Concept) => boolean;
}): Coverage {
  const floor = input.informative ?? 0;
  const found = input.found ?? ((c: Concept) => conceptIn(c, input.stems));
  let total = 0;
  let covered = 0;
  let matched = 0;
  let informed = 0;
  let informative = 0;
  for (const c of input.concepts) {
    const w = Math.max(...c.stems.map(input.idf));
    total += w;
    if (w >= floor) informative++;
    if (found(c)) {
      covered += w;
      matched++;
      if (w >= floor) informed++;
    }
  }
  return { weighted: total > 0 ? covered / total : 0, matched, informed, informative };
}
