/**
 * Places and the country they are in (`gazetteer-data.ts`): a question naming a city may mean
 * its country ("Tokyo a accordé…" for Japan) and one naming a country may be answered by a
 * release that only names the city ("en Italie" for a release dated Turin). Pure.
 */
import { GAZETTEER } from "./gazetteer-data";
import { words } from "./normalize";
import { STOPWORDS } from "./stopwords";

/** Words of country names too common to stand for one country ("république", "unis"). */
const GENERIC = new Set(["republique", "democratique", "populaire", "islamique", "federale", "royaume", "uni", "unis", "etats", "etat", "sud", "nord", "ouest", "est", "centrale", "arabe", "arabes", "emirats", "iles", "saint", "sainte"]);

/** The words that name a country on their own ("côte d'ivoire" → ivoire, "soudan du sud" → soudan). */
function countryWords(country: string): string[] {
  return words(country).filter((w) => !STOPWORDS.has(w) && !GENERIC.has(w) && w.length > 2);
}

const COUNTRY_OF = new Map<string, string[]>();
const PLACES_OF = new Map<string, string[]>();
for (const [place, country] of GAZETTEER) {
  const p = words(place);
  // one-word places only: the words of "Cox's Bazar" do not each stand for Bangladesh
  if (p.length !== 1 || STOPWORDS.has(p[0]!)) continue;
  const c = countryWords(country);
  if (!c.length || c.includes(p[0]!)) continue;
  COUNTRY_OF.set(p[0]!, [...new Set([...(COUNTRY_OF.get(p[0]!) ?? []), ...c])]);
  for (const w of c) PLACES_OF.set(w, [...new Set([...(PLACES_OF.get(w) ?? []), p[0]!])]);
}

/** The country words of a one-word place (folded), none when it is not a known place. */
export function countryOf(word: string): readonly string[] {
  return COUNTRY_OF.get(word) ?? [];
}

/** The one-word places (folded) of a country named by `word` (folded), none for other words. */
export function placesOf(word: string): readonly string[] {
  return PLACES_OF.get(word) ?? [];
}
