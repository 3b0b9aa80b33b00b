/** Starter questions built from the indexed releases (never from fixed sample text). */

import type { Messages } from "./i18n";
import type { ReleaseSummary } from "./api-client";

const MAX_TITLE = 110;

/** Up to `count` questions about release titles; distinct places fill in when titles run short. */
export function buildStarters(releases: readonly ReleaseSummary[], t: Messages, count = 4): string[] {
  const titled = releases.filter((r) => r.title && r.title !== r.releaseId && r.title.length <= MAX_TITLE);
  const places = [...new Set(releases.map((r) => r.location?.trim()).filter((p): p is string => !!p))];
  const titleSlots = Math.min(titled.length, count);

  // spread the picks over the list rather than taking its first entries
  const spread = <T,>(items: readonly T[], n: number): T[] =>
    Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]).filter((x): x is T => x !== undefined);

  const questions = [
    ...spread(titled, titleSlots).map((r) => t.starterFromTitle(r.title)),
    ...spread(places, Math.min(places.length, count - titleSlots)).map((p) => t.starterFromPlace(p)),
  ];
  return [...new Set(questions)].slice(0, count);
}
