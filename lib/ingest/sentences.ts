/** French-aware sentence segmentation with offsets. Pure. */

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Tokens after which a period does not end a sentence (folded to lower case, no dot). */
const ABBREVIATIONS = new Set(
  (
    "m mm mme mmes mlle mlles dr pr me mgr st ste sts etc cf env ex p pp art al vol no nos n° " +
    "av apr j.-c jc hab min max tel tél fax approx dept dép gén gen lt col sgt cap cdt " +
    "mr mrs ms prof sr jr vs inc ltd co corp dir adj resp éd ed coord ch chap fig" 
  ).split(/\s+/),
);

const MAX_QUOTED = 600;

/** Splits text into sentences; paragraph breaks (blank lines) always end one. */
export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let depth = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push({ text: trimmed, start: offset + start + lead, end: offset + start + lead + trimmed.length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "«" || ch === "“") depth++;
    else if ((ch === "»" || ch === "”") && depth > 0) depth--;
    else if (ch === "\n" && text[i + 1] === "\n") {
      push(i);
      depth = 0;
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    let j = i + 1;
    while (j < text.length && /[.!?…»”"')\]]/.test(text[j]!)) {
      if (text[j] === "»" || text[j] === "”") depth = Math.max(0, depth - 1);
      j++;
    }
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /[ \t\n]/.test(text[k]!)) k++;
    if (k < text.length && !/[\p{Lu}\d«"“(\-–—]/u.test(text[k]!)) continue;
    if (ch === "." && isAbbreviation(text, i)) continue;
    if (depth > 0 && i - start < MAX_QUOTED) continue;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return spans;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.°-]/u.test(text[s - 1]!)) s--;
  const token = text.slice(s, dot).toLowerCase();
  if (ABBREVIATIONS.has(token)) return true;
  // single capital initial ("J. Smith") or dotted acronyms ("U.S.", "O.N.U.")
  if (/^\p{Lu}$/u.test(text.slice(s, dot))) return true;
  return /^(?:\p{L}\.)+\p{L}$/u.test(text.slice(s, dot));
}
