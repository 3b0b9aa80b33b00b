/**
 * Site navigation detection. Saved pages start with navigation lines shared by most releases of a
 * corpus; we learn those lines from the corpus itself (plus the known lines of the IOM site, so a
 * single release is cleaned too) and strip only a leading block made of them. Pure.
 */

/** Navigation lines of the IOM French site, known even when the corpus is too small to learn them. */
const KNOWN_NAV = [
  "qui sommes nous", "structure", "- structure organisationnelle", "- directrice generale",
  "notre travail", "ce que nous faisons", "partenariats", "- ou travaillons-nous", "agir",
  "travailler avec nous", "engagez-vous", "- donnees et recherche", "- 2030 agenda", "points forts",
  "- bureau du chef de cabinet",
];

/** Lines that end the navigation block wherever they are met near the top. */
const KNOWN_END = new Set(["- 2030 agenda"]);

export interface NavProfile {
  /** Normalised lines considered navigation, with their median position among leading lines. */
  lines: Map<string, number>;
}

/** How far from the top navigation may extend. */
const HEAD_LINES = 80;

/** Normalises a line for comparison (memoised: the same navigation lines open every release). */
export function navKey(line: string): string {
  let key = NAV_KEYS.get(line);
  if (key === undefined) {
    key = normaliseLine(line);
    if (NAV_KEYS.size > 50_000) NAV_KEYS.clear();
    NAV_KEYS.set(line, key);
  }
  return key;
}

const NAV_KEYS = new Map<string, string>();

function normaliseLine(line: string): string {
  return line
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function trivial(key: string): boolean {
  return key === "" || /^[-–—•*|#>]*$/.test(key);
}

/**
 * Learns the navigation profile of a corpus: leading lines present in at least half the
 * releases (when there are at least 4), with the median position where they occur.
 */
export function learnNavProfile(texts: string[]): NavProfile {
  const heads = texts.map((t) => leadingLines(t));
  // a line in fewer than two releases is never navigation: count raw lines first (cheap),
  // normalise only the repeated ones
  const rawCount = new Map<string, number>();
  for (const head of heads) {
    const seen = new Set<string>();
    for (const line of head) {
      const raw = line.trim();
      if (!raw || seen.has(raw)) continue;
      seen.add(raw);
      rawCount.set(raw, (rawCount.get(raw) ?? 0) + 1);
    }
  }
  const positions = new Map<string, number[]>();
  for (const head of heads) {
    const seen = new Set<string>();
    head.forEach((line, i) => {
      if ((rawCount.get(line.trim()) ?? 0) < 2) return;
      const key = navKey(line);
      if (trivial(key) || seen.has(key)) return;
      seen.add(key);
      const list = positions.get(key) ?? [];
      list.push(i);
      positions.set(key, list);
    });
  }
  const lines = new Map<string, number>();
  const min = Math.max(4, Math.ceil(texts.length * 0.5));
  if (texts.length >= 4) {
    for (const [key, list] of positions) {
      if (list.length >= min) lines.set(key, median(list));
    }
  }
  KNOWN_NAV.forEach((key, i) => {
    if (!lines.has(key)) lines.set(key, i);
  });
  return { lines };
}

/** The first HEAD_LINES lines of a text, without splitting the rest of it. */
function leadingLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < HEAD_LINES && start <= text.length) {
    const end = text.indexOf("\n", start);
    out.push(text.slice(start, end < 0 ? text.length : end));
    if (end < 0) break;
    start = end + 1;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Index of the first body line: everything before it is navigation. The leading block is
 * walked while lines are navigation or short nav-like labels; it ends at the last navigation
 * line seen before the first paragraph-sized non-navigation line. Returns 0 when the text has
 * no navigation, so body text is never removed.
 */
export function navEnd(lines: string[], profile: NavProfile): number {
  let lastNav = -1;
  const limit = Math.min(lines.length, HEAD_LINES);
  for (let i = 0; i < limit; i++) {
    const key = navKey(lines[i]!);
    if (trivial(key)) continue;
    if (KNOWN_END.has(key)) return i + 1;
    const pos = profile.lines.get(key);
    if (pos !== undefined && pos <= 60 && i <= pos + 25) {
      lastNav = i;
      continue;
    }
    if (gluedToNav(key, profile) || key.length <= 80) continue;
    break;
  }
  return lastNav + 1;
}

/** "Qui sommes nousL'Organisation…": a menu label glued to its description. */
function gluedToNav(key: string, profile: NavProfile): boolean {
  for (const nav of profile.lines.keys()) {
    if (nav.length >= 6 && key.length > nav.length && key.startsWith(nav) && /[a-z]/.test(key[nav.length]!)) {
      return key.slice(nav.length, nav.length + 1) !== " ";
    }
  }
  return false;
}
