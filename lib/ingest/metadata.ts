import type { Contacts } from "../types";

/**
 * Dateline at the start of a first paragraph: "Panama City - ", "Costa Rica – ",
 * "États-Unis d'Amérique - ", "Genève, 12 mars 2016 - ". Up to five capitalised words.
 */
const WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const CONNECT = String.raw`(?:\s(?:de|du|des|la|le|les|et|of|the|del|di)\s|\sd['’]|\s?\/\s?|\s)`;
const DATELINE = new RegExp(
  String.raw`^(${WORD}(?:${CONNECT}${WORD}){0,5})(?:,[^–—−-]{1,30})?\s+[-–—−]\s+(?=\S)`,
  "u",
);

/** Dateline place of a first paragraph, or null. */
export function datelinePlace(paragraph: string): string | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!.trim();
  return place.length >= 2 && place.length <= 50 ? place : null;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?:\+|\b00)\s?\d[\d\s()./-]{6,}\d(?:\s?ext\.?\s?\d+)?/g;

/** Emails and phone numbers found in a text, deduplicated, in order. */
export function extractContacts(text: string): Contacts {
  const emails = unique((text.match(EMAIL) ?? []).map((e) => e.replace(/\.$/, "")));
  const phones = unique((text.match(PHONE) ?? []).map((p) => p.replace(/\s+/g, " ").trim()));
  return { emails, phones };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
