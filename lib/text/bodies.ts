/**
 * International bodies other than the publisher, under each of their names, French and
 * English (acronyms are read by the release check). A question naming one of them is answered
 * only by a release naming it. Pure data and look-up.
 */
import { words } from "./normalize";

const BODIES: readonly (readonly string[])[] = [
  ["Programme alimentaire mondial", "PAM", "World Food Programme", "WFP"],
  ["Haut-Commissariat des Nations Unies pour les réfugiés", "Haut-Commissariat pour les réfugiés", "Haut-Commissaire des Nations Unies pour les réfugiés", "HCR", "UNHCR", "UN Refugee Agency", "High Commissioner for Refugees", "agence des Nations Unies pour les réfugiés"],
  ["UNICEF", "Fonds des Nations Unies pour l'enfance", "United Nations Children's Fund"],
  ["Organisation mondiale de la santé", "OMS", "World Health Organization", "World Health Organisation"],
  ["Organisation internationale du travail", "OIT", "International Labour Organization", "International Labour Organisation", "ILO"],
  ["Programme des Nations Unies pour le développement", "PNUD", "United Nations Development Programme", "UNDP"],
  ["Organisation des Nations Unies pour l'alimentation et l'agriculture", "FAO", "Food and Agriculture Organization"],
  ["UNESCO"],
  ["Bureau de la coordination des affaires humanitaires", "OCHA", "Office for the Coordination of Humanitarian Affairs"],
  ["Croix-Rouge", "Croissant-Rouge", "Red Cross", "Red Crescent", "CICR", "ICRC", "FICR", "IFRC"],
  ["Banque mondiale", "World Bank"],
  ["Fonds monétaire international", "FMI", "International Monetary Fund", "IMF"],
  ["Médecins Sans Frontières", "MSF", "Doctors Without Borders"],
  ["Fonds des Nations Unies pour la population", "FNUAP", "UNFPA", "United Nations Population Fund"],
  ["ONU Femmes", "UN Women"],
  ["UNRWA"],
  ["Amnesty International"],
  ["Human Rights Watch"],
  ["OTAN", "NATO"],
  ["Frontex"],
  ["Union africaine", "African Union", "UA", "CUA"],
  ["Union européenne", "European Union", "UE"],
  ["Banque asiatique de développement", "Asian Development Bank", "BAsD", "ADB"],
  ["Banque africaine de développement", "African Development Bank", "BAfD", "AfDB"],
];

/** Each body's names as folded words between spaces. */
const FOLDED: readonly (readonly string[])[] = BODIES.map((names) => names.map((n) => ` ${words(n).join(" ")} `));

/** Acronyms that are also common words, read in capitals, each with its body's names ("WHO" — « OMS »). */
const CASED: readonly { acronym: RegExp; names: readonly string[] }[] = ([["WHO", "OMS"]] as const).map(([acronym, name]) => ({
  acronym: new RegExp(`(?<![\\p{L}])${acronym}(?![\\p{L}])`, "u"),
  names: FOLDED.find((ns) => ns.includes(` ${words(name).join(" ")} `))!,
}));

/**
 * The bodies a text names (its folded words between spaces, with a space at each end; the text
 * as written for acronyms read only in capitals), each as the list of its names in the same form.
 */
export function bodiesNamed(folded: string, text = ""): (readonly string[])[] {
  const named = FOLDED.filter((names) => names.some((n) => folded.includes(n)));
  // an acronym that is also a common word names its body only in capitals, inside a question
  // not written in capitals ("What did the WHO announce…", not "Who…" nor "WHO FUNDED…")
  if (/\p{Ll}/u.test(text)) for (const { acronym, names } of CASED) if (acronym.test(text) && !named.includes(names)) named.push(names);
  return named;
}

