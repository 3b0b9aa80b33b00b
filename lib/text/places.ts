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

/** Adds values to a key's list of a map, each once. */
function appendTo(map: Map<string, string[]>, key: string, values: readonly string[]): void {
  map.set(key, [...new Set([...(map.get(key) ?? []), ...values])]);
}

const COUNTRY_OF = new Map<string, string[]>();
/** Capitals of several words ("kuala lumpur"), padded for search, with their country words. */
const PHRASE_CAPITALS: { words: string[]; padded: string; country: string[] }[] = [];
for (const [capital, country] of CAPITALS) {
  const p = words(capital).filter((w) => !STOPWORDS.has(w));
  const c = countryWords(country);
  if (!p.length || !c.length || p.some((w) => c.includes(w))) continue;
  // the words of "Buenos Aires" do not each stand for Argentina: only together
  if (p.length > 1) PHRASE_CAPITALS.push({ words: p, padded: ` ${words(capital).join(" ")} `, country: c });
  else appendTo(COUNTRY_OF, p[0]!, c);
}

/**
 * What a city stands for beyond its country: Brussels for the European Union ("financé par
 * Bruxelles").
 */
const STANDS_FOR: ReadonlyMap<string, readonly string[]> = new Map([["bruxelles", ["union", "europeenne", "ue", "europeen"]]]);

/** The country words of a one-word capital (folded) and what else it stands for, none for other words. */
export function countryOf(word: string): readonly string[] {
  return [...(COUNTRY_OF.get(word) ?? []), ...(STANDS_FOR.get(word) ?? [])];
}

/** Capitals of several words in a folded text: each of their words with the country words. */
export function capitalPhrases(folded: string): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const padded = ` ${folded} `;
  for (const p of PHRASE_CAPITALS) if (padded.includes(p.padded)) for (const w of p.words) out.set(w, p.country);
  return out;
}

/**
 * The places a nationality adjective may come from, by its ending: "acehnais" → aceh, acehn;
 * "malien" → mali; "chinois" → chine (a stem of four letters or more, or three before "-ien":
 * "malien"). Guesses, only ever matched against the words of a release.
 */
export function placeOfAdjective(word: string): string[] {
  const out = new Set<string>();
  for (const [ending, min] of NATIONALITY) {
    const m = ending.exec(word);
    if (!m || m.index < min) continue;
    const base = word.slice(0, m.index);
    for (const b of [base, `${base}e`, `${base}i`]) if (b.length >= 4) out.add(b);
  }
  return [...out];
}

/** Endings of nationality adjectives ("acehnais", "togolais", "irakiennes", "chinois", "malien") and the shortest stem before them. */
const NATIONALITY: readonly (readonly [RegExp, number])[] = [
  [/(?:ais|aise|aises|ois|oise|oises)$/, 4],
  [/(?:nais|lais)$/, 4],
  [/(?:ien|ienne|iens|iennes)$/, 3],
];

/**
 * Regions and the countries in them (folded French names): a question on a region is answered
 * by a release on one of its countries ("les deux cyclones en Amérique centrale" — Nicaragua,
 * Honduras).
 */
const WEST_AFRICA = "senegal,mali,niger,nigeria,ghana,guinee,gambie,liberia,sierra leone,togo,benin,burkina faso,mauritanie,cote ivoire";
const EAST_AFRICA = "kenya,ethiopie,somalie,ouganda,tanzanie,rwanda,burundi,djibouti,erythree,soudan";
const WESTERN_BALKANS = "albanie,bosnie,serbie,kosovo,macedoine,montenegro";
const NORTH_AFRICA = "maroc,algerie,tunisie,libye,egypte";
const SOUTHERN_AFRICA = "afrique du sud,zimbabwe,mozambique,malawi,zambie,botswana,namibie,lesotho,eswatini,swaziland,angola";
const CENTRAL_AFRICA = "cameroun,tchad,republique centrafricaine,congo,republique democratique du congo,gabon,guinee equatoriale";
const SOUTH_AMERICA = "argentine,bolivie,bresil,chili,colombie,equateur,guyana,paraguay,perou,suriname,uruguay,venezuela";
const EASTERN_EUROPE = "moldavie,moldova,ukraine,roumanie,bulgarie,pologne,hongrie,belarus,bielorussie,russie,slovaquie,republique tcheque";
const WESTERN_EUROPE = "france,belgique,pays bas,luxembourg,allemagne,suisse,autriche,royaume uni,irlande,espagne,portugal,italie";
const EAST_ASIA = "chine,japon,coree,mongolie,taiwan,hong kong";

const REGIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    "amerique centrale": "guatemala,honduras,salvador,nicaragua,costa rica,panama,belize",
    "afrique de ouest": WEST_AFRICA,
    "afrique occidentale": WEST_AFRICA,
    "afrique de est": EAST_AFRICA,
    "afrique orientale": EAST_AFRICA,
    "afrique du nord": NORTH_AFRICA,
    "afrique australe": SOUTHERN_AFRICA,
    "afrique centrale": CENTRAL_AFRICA,
    afrique: [WEST_AFRICA, EAST_AFRICA, NORTH_AFRICA, SOUTHERN_AFRICA, CENTRAL_AFRICA, "soudan du sud,madagascar,comores,cap vert,sao tome"].join(","),
    "amerique du sud": SOUTH_AMERICA,
    "amerique latine": `${SOUTH_AMERICA},mexique,guatemala,honduras,salvador,nicaragua,costa rica,panama`,
    "corne de afrique": "ethiopie,somalie,djibouti,erythree,kenya",
    "moyen orient": "syrie,liban,jordanie,irak,iraq,yemen,israel,palestine,arabie saoudite,koweit,qatar,bahrein,oman,emirats arabes unis",
    "proche orient": "syrie,liban,jordanie,irak,iraq,israel,palestine",
    "asie du sud est": "thailande,malaisie,indonesie,philippines,vietnam,viet nam,cambodge,laos,myanmar,birmanie,singapour,timor leste",
    "asie du sud": "inde,pakistan,bangladesh,nepal,sri lanka,afghanistan,bhoutan,maldives",
    "asie centrale": "kazakhstan,kirghizistan,ouzbekistan,tadjikistan,turkmenistan",
    "balkans occidentaux": WESTERN_BALKANS,
    "balkans de ouest": WESTERN_BALKANS,
    "europe de est": EASTERN_EUROPE,
    "europe orientale": EASTERN_EUROPE,
    "europe de ouest": WESTERN_EUROPE,
    "europe occidentale": WESTERN_EUROPE,
    "asie de est": EAST_ASIA,
    "asie orientale": EAST_ASIA,
    balkans: `${WESTERN_BALKANS},croatie`,
    sahel: "mali,niger,tchad,burkina faso,mauritanie,senegal",
    maghreb: "maroc,algerie,tunisie,libye,mauritanie",
    caraibes: "haiti,cuba,jamaique,republique dominicaine,bahamas,barbade,trinite et tobago",
    caucase: "georgie,armenie,azerbaidjan,tchetchenie,daghestan,ingouchie",
    "caucase du sud": "georgie,armenie,azerbaidjan",
    "caucase du nord": "tchetchenie,daghestan,ingouchie",
    scandinavie: "suede,norvege,danemark,finlande,islande",
    "europe du nord": "suede,norvege,danemark,finlande,islande,estonie,lettonie,lituanie",
    "europe du sud": "italie,espagne,grece,portugal,malte,chypre",
    golfe: "arabie saoudite,koweit,qatar,bahrein,oman,emirats arabes unis",
    pacifique: "fidji,samoa,tonga,vanuatu,kiribati,tuvalu,iles salomon,papouasie,nauru,palaos,iles marshall,micronesie",
    kurdistan: "erbil,dohuk,souleimaniye,sulaymaniyah",
    darfour: "nyala,el fasher,el geneina,zalingei,ed daein",
    visayas: "cebu,leyte,tacloban,ormoc,bohol,iloilo,samar,negros,panay,bacolod",
    luzon: "manille,manila,quezon,pangasinan,bicol",
    // an island is found in a release naming one of its provinces, cities or countries ("le nord de Sumatra" — « Aceh »)
    sumatra: "aceh,banda aceh,meulaboh,nias,medan,padang,riau,jambi,bengkulu,lampung",
    java: "jakarta,yogyakarta,bandung,surabaya,semarang",
    borneo: "kalimantan,sabah,sarawak,brunei",
    mindanao: "davao,cotabato,marawi,zamboanga,lanao",
    hispaniola: "haiti,republique dominicaine",
    // a people is found in a release naming where it comes from ("Rohingya" — « réfugiés en provenance du Myanmar »)
    rohingya: "myanmar,birmanie,rakhine",
    rohingyas: "myanmar,birmanie,rakhine",
  }).map(([region, countries]) => [region, countries.split(",")]),
);

/** The countries of a region named in folded words ("amerique centrale"), none for other places. */
export function countriesOfRegion(region: string): readonly string[] {
  return REGIONS.get(region) ?? [];
}

const COUNTRY_FORMS = new Map<string, RegExp>();

/** Countries whose people's word is also a language's (« français », « italien », « chinois »). */
const LANGUAGE_COUNTRIES = new Set(["france", "italie", "portugal", "chine", "japon", "allemagne", "espagne", "angleterre", "royaume uni", "russie", "arabie saoudite", "coree", "iran", "turquie", "grece", "pays bas"]);

/**
 * Whether folded words between spaces name a country (folded) or one of its people: « géorgie »,
 * « jeunes géorgiens », « les autorités arméniennes ».
 */
export function namesCountry(folded: string, country: string): boolean {
  let form = COUNTRY_FORMS.get(country);
  if (!form) {
    const base = country.replace(/e$/, "");
    // (not a language, « français », « portugais »: no people of the place)
    form = LANGUAGE_COUNTRIES.has(country) ? new RegExp(` ${country} `) : new RegExp(` ${base}(?:e|en|ens|enne|ennes|ain|ains|aine|aines|ais|aise|aises|ois|oise|oises|an|ans|ane|anes)? `);
    COUNTRY_FORMS.set(country, form);
  }
  return form.test(folded);
}

/**
 * Country (folded French name) → its capitals, for a question naming a country and a release its
 * capital; capital → its country's name, for a question naming a capital and a release its
 * country ("London" — "Royaume-Uni"). Folded words.
 */
const [CAPITALS_OF, COUNTRY_NAMES_OF] = (() => {
  const capitals = new Map<string, string[]>();
  const countries = new Map<string, string[]>();
  for (const [capital, country] of CAPITALS) {
    const [a, b] = [words(capital).join(" "), words(country).join(" ")];
    appendTo(capitals, b, [a]);
    appendTo(countries, a, [b]);
  }
  return [capitals as ReadonlyMap<string, readonly string[]>, countries as ReadonlyMap<string, readonly string[]>];
})();

/** The country of a capital named in folded words ("london" → "royaume uni"), none for other words. */
export function countryNamesOf(capital: string): readonly string[] {
  return COUNTRY_NAMES_OF.get(capital) ?? [];
}

/** The capitals of a country named in folded words ("japon" → tokyo), none for other words. */
export function capitalsOf(country: string): readonly string[] {
  return CAPITALS_OF.get(country) ?? [];
}

/** Words between « capitale » and its country ("la capitale du Soudan", "the capital city of Haiti"). */
const OF = new Set(["de", "du", "des", "d", "of", "la", "le", "l", "the", "city", "ville"]);

/** Words that make « capitale » another thing than a country's capital ("economic capital", "capital humain", "the capital of the Somali region"). */
const NOT_THE_CAPITAL = new Set(["economique", "economic", "social", "sociale", "human", "humain", "financial", "financiere", "culturelle", "cultural", "region", "regional", "state", "etat", "province", "provincial", "provinciale", "district", "kurdistan", "sud", "nord", "south", "north", "est", "ouest", "east", "west"]);

/**
 * The capital a question means by « la capitale haïtienne », « la capitale du Soudan », "the
 * Haitian capital" (folded names, "port au prince"): the capitals of the country or nationality
 * next to the word « capitale » in the question's folded words, under any of its names; none
 * when a word around it makes it another capital (economic, of a region, of South Sudan).
 */
export function capitalMeant(ws: readonly string[], aliases: (place: string) => readonly string[]): string[] {
  const out = new Set<string>();
  ws.forEach((w, i) => {
    if (w !== "capitale" && w !== "capital" && w !== "capitales" && w !== "capitals") return;
    const around = ws.slice(Math.max(0, i - 2), i + 5);
    if (around.some((x) => NOT_THE_CAPITAL.has(x))) return;
    const after = ws.slice(i + 1, i + 5).filter((x) => !OF.has(x));
    for (const place of [after[0], ws[i - 1]]) {
      if (!place) continue;
      for (const name of [place, ...aliases(place)]) for (const capital of capitalsOf(name)) out.add(capital);
    }
  });
  return [...out];
}
