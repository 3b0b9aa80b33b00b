/** Small text helpers for display. */

import type { Lang } from "./i18n";

/** Flattens whitespace and cuts to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Wraps text in the quotation marks of the interface language. */
export function quote(text: string, lang: Lang): string {
  return lang === "fr" ? `« ${text} »` : `“${text}”`;
}
