/**
 * Capitals and their country (`capitals-data.ts`): a question naming a capital may mean its
 * country ("Tokyo a accordé…" for the Japanese government). Pure.
 */
import { CAPITALS } from "./capitals-data";
import { words } from "./normalize";
import { STOPWORDS } from "./stopwords";

/** Words of country names too common to stand for one country ("république", "unis"). */
const GENERIC = new Set(["republique", "democratique", "populaire", "islamique", "federale", "royaume", "uni", "unis", "etats", "etat", "sud", "nord", "ouest", "est", "centrale", "arabe", "arabes", "emirats", "iles", "saint", "sainte"]);

/** Words that also name other countries or a continent ("Afrique du Sud", "Soudan du Sud", "Côte d'Ivoire"). */
const AMBIGUOUS = new Set(["afrique", "soudan", "cote", "guinee", "congo", "coree", "amerique", "asie", "europe"]);

/**
 * The word that names a country on its own ("Japon", "République centrafricaine" →
 * centrafricaine), or none when no single word does ("Afrique du Sud", "États-Unis").
 */
function countryWords(country: string): string[] {
  const distinctive = words(country).filter((w) => !STOPWORDS.has(w) && !GENERIC.has(w) && w.length > 2);
  return distinctive.length === 1 && !AMBIGUOUS.has(distinctive[0]!) ? distinctive : [];
}

const COUNTRY_OF = new Map<string, string[]>();
for (const [capital, country] of CAPITALS) {
  const p = words(capital);
  // one-word capitals only: the words of "Buenos Aires" do not each stand for Argentina
  if (p.length !== 1 || STOPWORDS.has(p[0]!)) continue;
  const c = countryWords(country);
  if (!c.length || c.includes(p[0]!)) continue;
  COUNTRY_OF.set(p[0]!, [...new Set([...(COUNTRY_OF.get(p[0]!) ?? []), ...c])]);
}

/** The country words of a one-word capital (folded), none for other words. */
export function countryOf(word: string): readonly string[] {
  return COUNTRY_OF.get(word) ?? [];
}
