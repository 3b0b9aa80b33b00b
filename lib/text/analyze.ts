import { stem, words } from "./normalize";
import { STOPWORDS } from "./stopwords";

/** Content terms of a text: folded, elisions removed, stop words dropped, lightly stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    out.push(stem(w));
  }
  return out;
}

/** Detects whether a question is English rather than French (defaults to French). */
export function detectLanguage(text: string): "fr" | "en" {
  // quoted titles are in the releases' language, not the asker's
  const unquoted = text.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, " ");
  const ws = words(unquoted.trim() ? unquoted : text);
  let en = 0;
  let fr = 0;
  for (const w of ws) {
    if (EN_MARKERS.has(w)) en++;
    if (FR_MARKERS.has(w)) fr++;
  }
  if (/[éèêàçùôî]/i.test(unquoted)) fr += 1;
  return en > fr ? "en" : "fr";
}

const EN_MARKERS = new Set(
  "the what who whom which where when why how is are was were did does do of and with for to in on about tell me give which has have been by iom organization organisation with sign signed fund funded hello hi thanks thank please".split(
    " ",
  ),
);
const FR_MARKERS = new Set(
  "le la les des du de un une qui quoi quel quelle quels quelles ou quand comment pourquoi combien est sont ont et avec pour dans sur au aux oim ce cette ces qu l d bonjour merci salut".split(
    " ",
  ),
);
