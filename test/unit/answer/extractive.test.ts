import { describe, expect, it } from "vitest";
import { informativeWeight } from "../../../lib/answer/coverage";
import { extractiveAnswer, type ExtractiveAnswer } from "../../../lib/answer/extractive";
import { kindAsked } from "../../../lib/answer/named";
import { answerSpec, type AnswerType } from "../../../lib/text/answer-type";
import { acronymIn, nameVariantIn, tokensOf } from "../../../lib/answer/release-check";
import { integrityProblems } from "../../../lib/eval/integrity";
import { analyzeQuery, subjectOf } from "../../../lib/text/query";
import type { Passage } from "../../../lib/types";

const RELEASES: Record<string, { title: string; text: string }> = {
  r1: {
    title: "L’OIM organise un atelier au Panama",
    text: "Panama City - L’OIM a organisé un atelier régional au Panama cette semaine.\n\nL’atelier a été financé par le Fonds de l'OIM pour le développement.\n\nPour plus d’informations, veuillez contacter Jorge Gallo.",
  },
  r2: {
    title: "Un accord avec le Parlatino",
    text: "Costa Rica - L’OIM et le Parlatino ont signé un accord de coopération sur la migration.\n\nLe Parlatino regroupe 23 pays.",
  },
};

function passagesFor(ids: string[]): Passage[] {
  return ids.map((id, i) => ({
    chunkId: `${id}#0`,
    releaseId: id,
    title: RELEASES[id]!.title,
    source: `${id}.txt`,
    location: null,
    text: RELEASES[id]!.text,
    start: 0,
    end: RELEASES[id]!.text.length,
    fusedScore: 1 - i * 0.1,
  }));
}

const idf = (s: string) => (["oim", "migration"].includes(s) ? 0.1 : 1.5);
const releaseText = (id: string) => RELEASES[id]?.text ?? "";

/** A release of one passage (its whole text, first retrieved unless scored lower). */
function passageOf(id: string, title: string, text: string, fusedScore = 1): Passage {
  return { chunkId: `${id}#0`, releaseId: id, title, source: `${id}.txt`, location: null, text, start: 0, end: text.length, fusedScore };
}

/** The extractive answer to a question over one release. */
function askOne(question: string, title: string, text: string): ExtractiveAnswer {
  return extractiveAnswer({ query: analyzeQuery(question), passages: [passageOf("x", title, text)], idf, releaseText: () => text });
}

describe("extractiveAnswer", () => {
  it("quotes the answering sentence verbatim with its citation and a French lead", () => {
    const a = extractiveAnswer({ query: analyzeQuery("Qui a financé l'atelier au Panama ?"), passages: passagesFor(["r1", "r2"]), idf, releaseText });
    expect(a.abstained).toBe(false);
    expect(a.answer).toMatch(/^Selon le communiqué « L’OIM organise un atelier au Panama » \[1\] :/);
    expect(a.answer).toContain("« L’atelier a été financé par le Fonds de l'OIM pour le développement. » [1]");
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]).toMatchObject({ n: 1, releaseId: "r1", source: "r1.txt" });
    expect(a.answer).not.toContain("veuillez contacter");
    expect(integrityProblems({ ...a, id: "a_test", timings: { retrievalMs: 0, totalMs: 0 } }, releaseText)).toEqual([]);
  });

  it("leads in English for English questions, quotes staying French", () => {
    const a = extractiveAnswer({ query: analyzeQuery("What did IOM sign with Parlatino?"), passages: passagesFor(["r2", "r1"]), idf, releaseText });
    expect(a.abstained).toBe(false);
    expect(a.language).toBe("en");
    expect(a.answer).toMatch(/^According to the IOM release “Un accord avec le Parlatino” \[1\] \(quoted in French\):/);
    expect(a.answer).toContain("ont signé un accord de coopération");
  });

  it("abstains on an off-topic question, in its language, with suggestions but no citations", () => {
    const fr = extractiveAnswer({ query: analyzeQuery("Quelle est la recette de la tarte tatin ?"), passages: passagesFor(["r1", "r2"]), idf, releaseText });
    expect(fr.abstained).toBe(true);
    expect(fr.citations).toEqual([]);
    expect(fr.answer).toMatch(/^Je ne trouve pas/);
    expect(fr.suggestions!.map((s) => s.releaseId)).toEqual(["r1", "r2"]);
    const en = extractiveAnswer({ query: analyzeQuery("Who won the football world cup?"), passages: passagesFor(["r1"]), idf, releaseText });
    expect(en.abstained).toBe(true);
    expect(en.answer).toMatch(/^I could not find/);
  });

  it("says it gives no advice on a personal situation, and still answers questions put in the first person", () => {
    for (const q of ["How do I apply for asylum in Germany?", "Titre de séjour expiré, que faire ?", "Best country to emigrate to?", "Où puis-je renouveler mon passeport ?", "Quels documents faut-il fournir pour un regroupement familial ?", "Comment obtenir un visa de travail pour le Canada ?", "What documents do I need for family reunification?", "Quel est le meilleur forfait mobile pour voyager en Europe ?", "Comment faire une demande d'asile en France ?", "Quelles sont les conditions pour obtenir le statut de réfugié en Allemagne ?", "Quelles conditions faut-il remplir pour obtenir le statut de réfugié selon la Convention de 1951 ?", "How do you apply for asylum in Canada?", "Quelles sont les conditions d'obtention du statut de réfugié ?"]) {
      const a = extractiveAnswer({ query: analyzeQuery(q), passages: passagesFor(["r1"]), idf, releaseText });
      expect(a.abstained, q).toBe(true);
      expect(a.answer, q).toMatch(/situation personnelle|personal situations/);
    }
    const asked = extractiveAnswer({ query: analyzeQuery("Je voudrais savoir qui a financé l'atelier au Panama."), passages: passagesFor(["r1"]), idf, releaseText });
    expect(asked.answer).toContain("Fonds de l'OIM pour le développement");
    const tell = extractiveAnswer({ query: analyzeQuery("Can you tell me who funded the workshop in Panama?"), passages: passagesFor(["r1"]), idf, releaseText });
    expect(tell.abstained).toBe(false);
    for (const q of ["Where can I find the report on the workshop in Panama?", "Où puis-je trouver le rapport de l'atelier au Panama ?", "Quels documents l'OIM a-t-elle remis aux migrants ?", "Comment l'OIM aide-t-elle les migrants à obtenir des papiers ?", "Combien faut-il payer aux passeurs ?", "Quelle est la meilleure solution pour les déplacés selon l'OIM ?", "What is the best way to reduce migrant deaths according to IOM?", "Comment obtenir des données sur la migration au Niger ?", "Quels documents sont nécessaires pour enregistrer les naissances selon le projet ?", "Combien de demandes d'asile la France a-t-elle reçues ?", "Quelles sont les conditions de vie dans les camps ?", "Dans quelles conditions les migrants ont-ils obtenu un visa ?", "How can migrants get residence permits under the new Italian law?"]) expect(analyzeQuery(q).personal, q).toBe(false);
  });

  it("gives no opinion of its own, and still answers what IOM thinks", () => {
    for (const q of ["Honestly, in your own opinion, is immigration good or bad for the economy?", "Que pensez-vous de la politique migratoire européenne ?", "À votre avis, l'Europe doit-elle accueillir plus de réfugiés ?", "Do you think Europe should accept more refugees?", "Penses-tu que les frontières devraient être ouvertes ?"]) {
      const a = extractiveAnswer({ query: analyzeQuery(q), passages: passagesFor(["r1"]), idf, releaseText });
      expect(a.abstained, q).toBe(true);
      expect(a.answer, q).toMatch(/pas d'opinion|no opinion/);
    }
    for (const q of ["Que pense l'OIM de l'atelier au Panama ?", "What does IOM think of the agreement with Parlatino?", "Who thinks the workshop in Panama was useful?", "Selon vous, qui a financé l'atelier au Panama ?"]) expect(analyzeQuery(q).opinion, q).toBe(false);
    // how to apply for a post is a procedure too
    for (const q of ["Comment postuler à un stage ou à un emploi à l'OIM ?", "est ce que l'OIM prend des stagiaires a Geneve? comment postuler", "How to apply for an internship at IOM?"]) expect(analyzeQuery(q).personal, q).toBe(true);
    expect(analyzeQuery("Combien de jeunes ont postulé au programme de l'OIM ?").personal).toBe(false);
  });

  it("writes no letter, poem or joke, and still summarises a release", () => {
    for (const q of ["Rédige une lettre de motivation pour un poste dans une ONG humanitaire.", "Write me a short poem about hope.", "Tell me a joke", "Peux-tu m'écrire un email pour mon patron ?"]) {
      const a = extractiveAnswer({ query: analyzeQuery(q), passages: passagesFor(["r1"]), idf, releaseText });
      expect(a.abstained, q).toBe(true);
      expect(a.answer, q).toMatch(/ne rédige pas|write no other/);
    }
    for (const q of ["Résume le communiqué sur l'atelier de Panama.", "Write a summary of the release on the Panama workshop.", "Raconte-moi l'histoire d'Amal.", "Which story did the IOM staff member tell?"]) expect(analyzeQuery(q).task, q).toBe(false);
    // nor advises on films, internships or one's own asylum claim
    for (const q of ["Tu peux me conseiller un bon film sur l'exil ?", "Are there paid internships at the World Bank?", "L'OIM prend-elle des stagiaires à Genève ? Comment on postule ?", "comment on fait une demande d'asile en belgique ?", "Can I still claim asylum in the UK if I passed through France first?"]) expect(analyzeQuery(q).personal, q).toBe(true);
    for (const q of ["Quelles offres d'emploi le salon de l'emploi d'Abidjan proposait-il ?", "De quels pays venaient les stagiaires réunis en Italie ?", "Quel film l'OIM a-t-elle projeté au festival ?", "Comment l'OIM fait-elle une demande de fonds ?"]) expect(analyzeQuery(q).personal, q).toBe(false);
  });

  it("asks for a real question when there is nothing to look for", () => {
    const a = extractiveAnswer({ query: analyzeQuery("Bonjour !"), passages: passagesFor(["r1"]), idf, releaseText });
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/^Posez une question sur les activités de l'OIM/);
    const en = extractiveAnswer({ query: analyzeQuery("Hello, thanks!"), passages: passagesFor(["r1"]), idf, releaseText });
    expect(en.answer).toMatch(/^Ask a question about IOM/);
    // small talk asks nothing either, however many words it has
    const chat = extractiveAnswer({ query: analyzeQuery("Bonjour ! Comment ça va aujourd'hui ? Tu as passé un bon week-end ?"), passages: passagesFor(["r1"]), idf, releaseText });
    expect(chat.abstained).toBe(true);
    expect(chat.answer).toMatch(/^Posez une question sur les activités de l'OIM/);
    const real = extractiveAnswer({ query: analyzeQuery("Bonjour, qui a financé l'atelier au Panama ?"), passages: passagesFor(["r1"]), idf, releaseText });
    expect(real.abstained).toBe(false);
  });
});

describe("places named in several words", () => {
  it("does not take « Nations Unies » for « États-Unis »", () => {
    const releases: Record<string, string> = {
      u: "Genève - L’OIM, l’organisme des Nations Unies chargé des migrations, a aidé des migrants aux frontières cette année.",
    };
    const passages: Passage[] = [{ chunkId: "u#0", releaseId: "u", title: "Aide aux migrants", source: "u.txt", location: null, text: releases.u!, start: 0, end: releases.u!.length, fusedScore: 1 }];
    const a = extractiveAnswer({ query: analyzeQuery("Comment l'OIM aide-t-elle les migrants aux États-Unis ?"), passages, idf, releaseText: (id) => releases[id] ?? "" });
    expect(a.abstained).toBe(true);
  });
});

describe("names spelt differently between the question and the release", () => {
  const releases: Record<string, { title: string; text: string }> = {
    b: {
      title: "Sommet du Mouvement des non-alignés à Bakou",
      text: "Bakou - Le Directeur général adjoint de l'OIM, Ugochi Daniels, a pris la parole au nom d'António Vitorino lors du sommet du Mouvement des non-alignés à Bakou.",
    },
  };
  const passages: Passage[] = [{ chunkId: "b#0", releaseId: "b", title: releases.b!.title, source: "b.txt", location: null, text: releases.b!.text, start: 0, end: releases.b!.text.length, fusedScore: 1 }];
  const text = (id: string) => releases[id]?.text ?? "";

  it("finds a name one letter apart and answers across languages (Baku / Bakou)", () => {
    expect(nameVariantIn("kelmora", new Set(["kelmorah", "sommet"]))).toBe(true);
    expect(nameVariantIn("bungamati", new Set(["bungamaty"]))).toBe(true);
    // known places go through their translations, and are not each other's variants
    expect(nameVariantIn("iran", new Set(["irak"]))).toBe(false);
    expect(nameVariantIn("iceland", new Set(["irlande"]))).toBe(false);
    expect(nameVariantIn("peru", new Set(["paris"]))).toBe(false);
    const a = extractiveAnswer({ query: analyzeQuery("Who spoke for António Vitorino at the summit in Baku?"), passages, idf, releaseText: text });
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("Ugochi Daniels");
  });

  it("still abstains when the one name the question gives is not in the release", () => {
    const a = extractiveAnswer({ query: analyzeQuery("Qui a pris la parole au sommet de Reykjavik ?"), passages, idf, releaseText: text });
    expect(a.abstained).toBe(true);
  });
});

describe("a project page", () => {
  it("answers its budget from the field giving it", () => {
    const text = "Renforcement des capacités des travailleurs migrants du Pacifique\n\nStatut du projet\n\nAchevé\n\nBudget Amount (USD) : 300000.00\n\nCouverture\n\nRegional";
    const a = askOne("What was the budget of the IOM project helping Pacific migrant workers?", "Projet Pacifique", text);
    expect(a.answer).toContain("300000.00");
  });
});

describe("the name of a release", () => {
  it("holds words and years its text may not give (the page's address)", () => {
    const text = "Organisée par le Gouvernement royal thaïlandais en collaboration avec l'OIM, la réunion avait pour objectif de réunir les PCR du monde.";
    const passage = passageOf("reunion-mondiale-des-pcr-2009", "Réunion mondiale des PCR", text);
    const a = extractiveAnswer({ query: analyzeQuery("Quel gouvernement a organisé la réunion mondiale des PCR de 2009 avec l'OIM ?"), passages: [passage], idf, releaseText: () => text });
    expect(a.answer).toContain("Gouvernement royal thaïlandais");
    // a generated name's numbers are no years or figures
    const other = passageOf("d123-distractor-2009", "Réunion mondiale des PCR", text);
    expect(extractiveAnswer({ query: analyzeQuery("Quel gouvernement a organisé la réunion mondiale des PCR de 2009 avec l'OIM ?"), passages: [other], idf, releaseText: () => text }).abstained).toBe(true);
  });
});

describe("the publisher named otherwise", () => {
  it("is the publisher (« l'agence onusienne des migrations »)", () => {
    const agence = analyzeQuery("Qui dirige la mission de l'agence onusienne des migrations en Indonésie ?").concepts.find((c) => c.word === "agence");
    expect(agence?.related).toContain("oim");
  });
});

describe("acronyms of the question", () => {
  it("are found written out or in another language's order", () => {
    const has = (acronym: string, text: string) => acronymIn(acronym, tokensOf(text));
    expect(has("cepalc", "selon la Commission économique pour l'Amérique latine et les Caraïbes, 30 millions")).toBe(true);
    expect(has("imf", "une étude du Fonds monétaire international (FMI) et de l'OIM")).toBe(true);
    expect(has("adb", "la Banque asiatique de développement (BAD) organise")).toBe(true);
    expect(has("imf", "une étude du Fonds monétaire international et de l'OIM")).toBe(true);
    expect(has("pam", "Marcelo Pisani a ajouté")).toBe(false);
    expect(has("hcr", "et le Haut-Commissaire des Nations Unies pour les réfugiés, Filippo Grandi")).toBe(true);
    expect(has("iom", "l'OIM a aidé")).toBe(true);
    // not from words that merely start with its letters, across punctuation or lines, nor from lower-case words
    expect(has("ocha", "Le Bureau de la coordination des affaires humanitaires")).toBe(false);
    expect(has("dtm", "Selon la Matrice de suivi des déplacements de l'OIM")).toBe(false);
    expect(has("fmi", "le fonds monétaire international")).toBe(false);
    expect(has("hcr", "au Honduras. Cette réunion")).toBe(false);
    expect(has("fmi", "Fin mars, il")).toBe(false);
    expect(has("nato", "Où travaillons-nous\n-\nAgir\nTravailler avec nous")).toBe(false);
  });

  it("need not be in a release when the question writes them out itself", () => {
    const text = "Genève - Le Dialogue international sur la migration existe depuis 2001 ; cette année, il se tient à New York.";
    expect(askOne("Depuis quelle année le Dialogue international sur la migration (IDM) existe-t-il ?", "Le Dialogue international sur la migration", text).abstained).toBe(false);
  });

  it("rule out a release that neither names the body nor writes it out", () => {
    const text = "Genève - L'OIM et ses partenaires ont aidé 12 000 enfants réfugiés ukrainiens à s'inscrire à l'école en 2023.";
    expect(askOne("How many Ukrainian refugee children did UNICEF help enrol in school in 2023?", "L'OIM aide les enfants réfugiés", text).abstained).toBe(true);
    const written = "Genève - Le Fonds monétaire international et l'OIM ont publié une étude sur les transferts de fonds des migrants moldaves.";
    const a = askOne("What did IOM and the IMF publish on the remittances of Moldovan migrants?", "Étude sur les transferts de fonds", written);
    expect(a.abstained).toBe(false);
    // an acronym of a kind of body may be left out (« ONG » for « organisation »)
    const ngo = "Tunis - L'OIM et le Conseil danois pour les réfugiés ont organisé une rencontre sur les solutions de remplacement à la détention.";
    expect(askOne("Quelle ONG danoise a organisé la rencontre de Tunis avec l'OIM ?", "Rencontre de Tunis", ngo).abstained).toBe(false);
  });
});

describe("what the world knows and the releases do not say", () => {
  it("is the weather asked (« Quel temps fera-t-il ? »), not a time of conflict nor the week of a meeting", () => {
    const text = "Genève - Des spécialistes se réuniront la semaine prochaine à Genève pour discuter des droits des personnes déplacées en temps de conflit.";
    for (const q of ["Quel temps fera-t-il à Genève ce week-end ?", "Quel temps fait-il à Genève ?", "What's the weather like in Geneva this week?"]) expect(askOne(q, "Colloque à Genève", text).abstained, q).toBe(true);
    expect(askOne("Quand les spécialistes se réuniront-ils à Genève ?", "Colloque à Genève", text).abstained).toBe(false);
    const storm = "Dhaka - Les conditions météorologiques ont empêché les bateaux de sortir : la météo annonce des pluies violentes pendant trois jours.";
    expect(askOne("Quel temps a-t-il fait à Dhaka cette semaine ?", "Pluies au Bangladesh", storm).abstained).toBe(false);
    // « week-end » is one word: its "end" is no end of anything
    expect(analyzeQuery("Combien de migrants sont arrivés ce week-end ?").concepts.map((c) => c.word)).toEqual(["migrants", "arrives", "week"]);
  });

  it("is a country's currency, official language or population, which a release mentioning the country does not give", () => {
    const text = "Mogadiscio - En Somalie, l'OIM a distribué des kits d'hygiène à 4 000 familles utilisées comme main-d'œuvre ; la population déplacée vit dans 120 camps.";
    for (const q of ["Quelle est la monnaie utilisée en Somalie ?", "What is the official language of Somalia?", "Quelle est la population totale de la Somalie ?", "What's the current population of Somalia?"]) expect(askOne(q, "Aide en Somalie", text).abstained, q).toBe(true);
    const given = "Mogadiscio - La Somalie, dont la population atteint 17 millions d'habitants et la langue officielle est le somali, compte 2,9 millions de déplacés.";
    for (const q of ["Quelle est la population de la Somalie ?", "Quelle est la langue officielle de la Somalie ?"]) expect(askOne(q, "La Somalie", given).abstained, q).toBe(false);
    // a capital asked as a place is no attribute the release must name
    expect(analyzeQuery("Quelle capitale de la région accueille la réunion ?").concepts.some((c) => c.asked)).toBe(false);
    // residents who fled are counted as any people
    expect(askOne("Combien d'habitants ont fui les combats en Somalie ?", "Combats en Somalie", "Mogadiscio - Les combats ont forcé 5 000 habitants à fuir leur foyer en Somalie.").abstained).toBe(false);
  });

  it("is who holds a post today, which a dated release cannot tell", () => {
    const text = "Cox's Bazar - Le Haut-Commissaire des Nations Unies pour les réfugiés, Filippo Grandi, a visité les camps avec le Directeur général de l'OIM.";
    for (const q of ["Who is the current UN High Commissioner for Refugees?", "Qui est l'actuel Haut-Commissaire des Nations Unies pour les réfugiés ?", "Comment s'appelle l'actuel Directeur général de l'OIM ?"]) expect(askOne(q, "Visite à Cox's Bazar", text).abstained, q).toBe(true);
    expect(askOne("Which UN High Commissioner for Refugees visited the camps in Cox's Bazar?", "Visite à Cox's Bazar", text).abstained).toBe(false);
  });

  it("is a time to travel or a thing to choose (« Quel forfait choisir… », \"the best time to visit\")", () => {
    for (const q of ["What's the best time of year to visit Japan?", "Quel forfait mobile choisir pour voyager en Europe ?", "Quelle est la meilleure saison pour aller à la plage de Cox's Bazar en vacances ?"]) expect(analyzeQuery(q).personal, q).toBe(true);
    for (const q of ["What was the best time for the boats to leave, according to IOM?", "Quels projets l'OIM a-t-elle choisi de financer ?"]) expect(analyzeQuery(q).personal, q).toBe(false);
  });

  it("is the name of an official no release names", () => {
    // the name of an official is a person's ("the name of the IOM Deputy Director General")
    expect(answerSpec("What is the name of the IOM Deputy Director General at the conference?").types).toContain("person");
    expect(answerSpec("Quel est le nom du nouveau directeur régional ?").types).toContain("person");
    expect(answerSpec("Quel prénom a été donné au bébé né à Linosa ?").types).toContain("person");
    expect(answerSpec("À quelles dates précises s'est tenu le sommet ?").types).toContain("date");
    const text = "Les responsables des pays participant à la Conférence sud-américaine sur les migrations se réunissent cette semaine à Cochabamba. La Directrice générale adjointe de l'OIM y participe. La conférence est centrée sur la « Déclaration de principes sur les migrations ».";
    expect(askOne("What is the name of the IOM Deputy Director General who took part in the South American Conference on Migration?", "Conférence sud-américaine", text).abstained).toBe(true);
    const named = "Les responsables des pays participant à la Conférence sud-américaine sur les migrations se réunissent cette semaine à Cochabamba. La Directrice générale adjointe de l'OIM, Ndioro Ndiaye, y participe. La conférence est centrée sur la « Déclaration de principes sur les migrations ».";
    expect(askOne("What is the name of the IOM Deputy Director General who took part in the South American Conference on Migration?", "Conférence sud-américaine", named).answer).toContain("Ndioro Ndiaye");
  });

  it("is a town's office when the release has one elsewhere in the same country (\"in Paris\" is no metonymy for France)", () => {
    const text = "Marseille - Le Directeur général de l'OIM inaugure aujourd'hui un nouveau bureau dans la ville de Marseille, dans le sud de la France.";
    expect(askOne("What are the opening hours of the IOM office in Paris?", "Un bureau à Marseille", text).abstained).toBe(true);
    expect(analyzeQuery("Combien Paris a-t-il versé à l'OIM ?").concepts.find((c) => c.word === "paris")!.related).toContain("franc");
  });

  it("is what the WHO says, written in capitals, when the release names no World Health Organization", () => {
    const text = "Sanaa - L'OIM et ses partenaires annoncent trois nouveaux programmes humanitaires pour les enfants, dont une campagne de vaccination contre le paludisme.";
    expect(askOne("What did the WHO announce about the new malaria vaccine for children?", "Nouveaux programmes au Yémen", text).abstained).toBe(true);
    expect(askOne("Who announced the new malaria vaccination campaign for children?", "Nouveaux programmes au Yémen", text).abstained).toBe(false);
    const who = "Sanaa - L'Organisation mondiale de la santé (OMS) et l'OIM annoncent une campagne de vaccination contre le paludisme pour les enfants.";
    expect(askOne("What did the WHO announce about malaria vaccination for children?", "Vaccination au Yémen", who).abstained).toBe(false);
  });
});

describe("names of several words read through their translation", () => {
  it("are found when their words stand together, not as common words of the release", () => {
    const apart = "Malte - Les médecins de l'OIM soignent les migrants secourus en Méditerranée, où les opérations de sauvetage se multiplient aux frontières de l'Europe.";
    const question = "What role has Doctors Without Borders played in rescue operations in the Mediterranean?";
    expect(askOne(question, "Sauvetages en Méditerranée", apart).abstained).toBe(true);
    const together = "Malte - Médecins Sans Frontières et l'OIM mènent des opérations de sauvetage en Méditerranée : l'ONG soigne les migrants secourus.";
    expect(askOne(question, "Sauvetages en Méditerranée", together).abstained).toBe(false);
  });

  it("take no common word for another spelling of a word the glossary translates (\"Prize\" is no « prise »)", () => {
    const text = "Addis-Abeba - La prise en charge des déplacés par le Programme alimentaire mondial et l'OIM a ramené la paix dans la région en 2020.";
    expect(askOne("Why did the World Food Programme win the Nobel Peace Prize in 2020?", "Paix et aide alimentaire", text).abstained).toBe(true);
  });
});

describe("a name and the number after it", () => {
  it("are one name: found when they stand together, not as a common word and a number apart", () => {
    const question = "When did the United States stop using Title 42 at the border?";
    const apart = "Washington - Le rapport intitulé « Frontières » de l'OIM indique qu'en mai 2023, à la frontière des États-Unis, 42 migrants ont été secourus.";
    expect(askOne(question, "Secours à la frontière", apart).abstained).toBe(true);
    const together = "Washington - Le Titre 42, une mesure sanitaire des États-Unis, a cessé d'être appliqué à la frontière le 11 mai 2023.";
    expect(askOne(question, "Fin du Titre 42", together).abstained).toBe(false);
  });
});

describe("a country's nickname", () => {
  it("names the country (« le pays du Cèdre » is the Lebanon, « la Confédération helvétique » Switzerland)", () => {
    const text = "Beyrouth - Environ 400 000 travailleurs migrants vivent au Liban, selon une étude de l'OIM.";
    expect(askOne("Combien de travailleurs étrangers vivent au pays du Cèdre ?", "Travailleurs migrants au Liban", text).answer).toContain("400 000");
    const funded = "Rabat - Le programme de retour financé par la Suisse a aidé 122 migrants bloqués au Maroc.";
    expect(askOne("Combien de migrants bloqués au Maroc le programme financé par la Confédération helvétique a-t-il aidés ?", "Retours depuis le Maroc", funded).abstained).toBe(false);
    expect(askOne("Combien de travailleurs étrangers vivent au pays du Cèdre ?", "Travailleurs migrants en Jordanie", text.replace("au Liban", "en Jordanie")).abstained).toBe(true);
  });
});

describe("a town asked", () => {
  it("in a country is not the capital of another, nor a letter alone", () => {
    const text = "Zintan - Mardi, l'OIM a aidé 171 migrants nigérians à rentrer chez eux depuis Zintan, à 180 km au sud-ouest de Tripoli.";
    const ask = (body: string) => askOne("Dans quelle ville du Nigéria a atterri le vol de l'OIM parti de Zintan avec 171 migrants nigérians ?", "Retour de migrants nigérians", body);
    expect(ask(text).abstained).toBe(true);
    expect(ask(`${text} Le vol a atterri à Lagos dans la soirée.`).answer).toContain("Lagos");
    expect(askOne("In which Nigerian city did the IOM flight from Zintan with 171 Nigerian migrants land?", "Retour de migrants nigérians", text).abstained).toBe(true);
    // the country is the town's, not the subject's; a town named like another country's capital, placed in the country asked
    expect(askOne("Quelle ville la délégation tchadienne a-t-elle visitée pour étudier le centre de transit de l'OIM ?", "Une délégation tchadienne", "Une délégation tchadienne s'est rendue à Niamey pour étudier le centre de transit de l'OIM pour les migrants.").answer).toContain("Niamey");
    expect(askOne("Dans quelle ville du Liban l'OIM a-t-elle ouvert un centre pour les réfugiés syriens ?", "Un centre au Liban", "Beyrouth - L'OIM a ouvert un centre pour les réfugiés syriens à Tripoli, dans le nord du Liban.").answer).toContain("Tripoli");
    const cut = "Vietnam - L'OIM organise cette semaine un atelier sur la protection des migrants en temps de crise dans la sous-région du B";
    expect(askOne("Dans quelle ville vietnamienne se tient l'atelier de l'OIM sur la protection des migrants en temps de crise ?", "Protéger les migrants", cut).abstained).toBe(true);
  });
  it("of an event to come may be the dateline's", () => {
    const text = "Bruxelles - La conférence des donateurs pour la Syrie se tiendra mardi, co-organisée par l'UE et l'ONU, a annoncé l'OIM.";
    expect(askOne("Dans quelle ville se tiendra la conférence des donateurs pour la Syrie ?", "Une conférence", text).answer).toContain("Bruxelles");
  });
  it("as a camp or a village is named, not only its country", () => {
    const visit = "Cox's Bazar - L'OIM a salué la visite de la Première Ministre du Bangladesh, Sheikh Hasina, venue évaluer la crise humanitaire à Cox's Bazar.";
    const camps = (body: string) => askOne("Quels camps de réfugiés Sheikh Hasina a-t-elle visités lors de son passage à Cox's Bazar ?", "Une visite", body);
    expect(camps(visit).abstained).toBe(true);
    expect(camps(`${visit} Elle s'est rendue dans le camp de Kutupalong.`).answer).toContain("Kutupalong");
  });
  it("a rate asked is a percentage the release gives", () => {
    const vote = "Quito - Les Équatoriens de l'étranger ont voté dimanche lors des élections nationales observées par l'OIM dans 12 villes.";
    const turnout = (body: string) => askOne("Quel taux de participation a été enregistré chez les Équatoriens de l'étranger lors des élections observées par l'OIM ?", "Un vote", body);
    expect(turnout(vote).abstained).toBe(true);
    expect(turnout(`${vote} La participation a atteint 45 %.`).answer).toContain("45 %");
  });

  const question = "Dans quelle ville s'est tenu l'atelier régional de l'OIM sur la main-d'œuvre temporaire réunissant les pays du Conseil de coopération du Golfe ?";
  it("is named by the release answering: a meeting of countries that never says where it met does not answer", () => {
    const countries = "Un atelier régional de l'OIM sur la main-d'œuvre temporaire a réuni cette semaine 20 représentants des pays du Conseil de coopération du Golfe (Bahreïn, Koweït, Oman, Qatar, Arabie saoudite et Emirats arabes unis).";
    expect(askOne(question, "Atelier sur la main-d'œuvre temporaire", countries).abstained).toBe(true);
    expect(askOne(question, "Atelier sur la main-d'œuvre temporaire", countries.replace("cette semaine", "cette semaine à Doha")).answer).toContain("Doha");
  });

  it("is quoted from the sentence naming it, beside the best one on the question", () => {
    const text = `${"Un atelier régional de l'OIM sur la main-d'œuvre temporaire a réuni cette semaine 20 représentants des pays du Conseil de coopération du Golfe."}\n\nLes délégués se sont retrouvés à Doha pendant trois jours.`;
    expect(askOne(question, "Atelier sur la main-d'œuvre temporaire", text).answer).toContain("Doha");
  });

  it("may be named after « d' », opening a sentence, or by the dateline", () => {
    const question = "Dans quelle ville l'OIM a-t-elle ouvert un centre de transit pour les migrants nigériens ?";
    const ask = (text: string) => askOne(question, "Un centre de transit au Niger", text).abstained;
    expect(ask("Niamey - L'OIM a ouvert un centre de transit pour les migrants nigériens au départ d'Arlit, dans le nord du pays.")).toBe(false);
    expect(ask("Niger - À Arlit, dans le nord du pays, l'OIM a ouvert un centre de transit pour les migrants nigériens.")).toBe(false);
    expect(ask("Arlit - L'OIM a ouvert un centre de transit pour les migrants nigériens dans le nord du pays.")).toBe(false);
    expect(ask("Niger - L'OIM a ouvert un centre de transit pour les migrants nigériens dans le nord du pays.")).toBe(true);
  });

  it("is not asked by \"What did the city of … receive?\"", () => {
    const text = "Obock - En 2019, la ville a reçu de l'OIM un centre d'accueil pour les migrants.";
    expect(askOne("What did the city of Obock receive from IOM in 2019?", "Un centre à Obock", text).abstained).toBe(false);
  });

  it("may be named after its noun, not after « à »", () => {
    const text = "Le Sommet ibéro-américain se tient cette année dans la capitale uruguayenne, Montevideo, en présence du Directeur général de l'OIM.";
    expect(askOne("Dans quelle ville se tient le Sommet ibéro-américain ?", "Le Directeur général au Sommet ibéro-américain", text).answer).toContain("Montevideo");
  });
});

describe("a count of women, children or minors among a group", () => {
  it("is answered only by a release counting them, not by the group's total", () => {
    const question = "Combien de femmes et d'enfants comptait le groupe de Guinéens rapatriés de Libye ?";
    const total = "Conakry - L'OIM a rapatrié hier 173 migrants guinéens bloqués en Libye.";
    expect(askOne(question, "Retour de Guinéens", total).abstained).toBe(true);
    expect(askOne(question, "Retour de Guinéens", `${total} Le groupe comptait 12 femmes et 9 enfants.`).answer).toContain("12 femmes");
    expect(askOne("How many children were among the Guinean migrants IOM flew home from Libya?", "Retour de Guinéens", `${total} Parmi eux, 9 enfants.`).abstained).toBe(false);
    // « des centaines de familles » is no count of them; « un millier de familles » is
    const site = "Port-au-Prince - Le site de Tabarre Issa est le nouveau lieu de résidence de centaines de familles déplacées par le séisme.";
    const families = "Combien de familles déplacées par le séisme ont été installées sur le site de Tabarre Issa ?";
    expect(askOne(families, "Le site de Tabarre Issa", site).abstained).toBe(true);
    expect(askOne(families, "Le site de Tabarre Issa", site.replace("de centaines", "d'un millier")).answer).toContain("millier de familles");
    // a total asked: the sentence giving the total is quoted
    const cox = "Cox's Bazar - En seulement trois mois, quelque 624 251 réfugiés rohingyas ayant fui l'État de Rakhine sont arrivés à Cox's Bazar, au Bangladesh. Les équipes de l'OIM distribuent des abris. Plus de 1 800 sont arrivés ces sept derniers jours, portant le nombre total de Rohingyas réfugiés dans le district à plus de 836 000.";
    expect(askOne("Au total, combien de Rohingyas ayant fui l'État de Rakhine sont désormais réfugiés dans le district de Cox's Bazar ?", "Arrivées de Rohingyas", cox).answer).toContain("836 000");
    // the first of several asked: the sentence naming the first is quoted
    const relocated = [
      "Athènes - Au 30 avril, plus de 12 000 demandeurs d'asile ont été réinstallés depuis la Grèce dans des pays membres de l'Union européenne.",
      "Fin avril, ils étaient au total 12 496 demandeurs d'asile à avoir été réinstallés hors de Grèce depuis le lancement du plan de l'UE.",
      "Les équipes de l'OIM accompagnent chaque départ.",
      "La tendance se poursuit : la France est le principal pays d'accueil des réinstallés, devant l'Allemagne.",
    ].join(" ");
    expect(askOne("Which EU country took in the largest number of asylum seekers relocated out of Greece?", "Réinstallations depuis la Grèce", relocated).answer).toContain("la France est le principal");
    // « de sexe masculin » counts men; « parmi » names nothing
    const greece = "Athènes - Quelque 16 954 migrants sont rentrés volontairement de Grèce avec l'OIM. On dénombrait 12 017 migrants de retour volontaires de sexe masculin et 2 817 de sexe féminin.";
    const history = [{ role: "user" as const, content: "Combien de migrants sont rentrés de Grèce avec l'aide de l'OIM ?" }];
    const men = extractiveAnswer({ query: analyzeQuery("Et parmi eux, combien d'hommes ?", history), passages: [passageOf("g", "Retours volontaires de Grèce", greece)], idf, releaseText: () => greece });
    expect(men.answer).toContain("12 017");
    // the part asked after its whole, whatever the whole ("How many of South Sudan's 1.87 million displaced people are children?")
    const sudan = "Soudan du Sud - Le nombre de déplacés internes a atteint un nouveau record de 1,87 million. Plus de 212 000 déplacés internes sont hébergés dans des sites de protection des civils.";
    const part = "How many of South Sudan's 1.87 million internally displaced people are children?";
    expect(askOne(part, "Déplacement au Soudan du Sud", sudan).abstained).toBe(true);
    expect(askOne(part, "Déplacement au Soudan du Sud", `${sudan} Parmi eux, 950 000 enfants.`).answer).toContain("950 000");
  });

  it("abstains when a part counted by its place or nationality is not counted beside its name", () => {
    const transit = "Tachkent - Depuis le début de la crise, l'OIM a aidé plus de 3 000 personnes, principalement des ressortissants tadjiks, à transiter par l'Ouzbékistan.";
    const kyrgyz = "Combien de ressortissants kirghizes l'OIM a-t-elle aidés à transiter par l'Ouzbékistan ?";
    expect(askOne(kyrgyz, "Transit par l'Ouzbékistan", transit).abstained).toBe(true);
    expect(askOne(kyrgyz, "Transit par l'Ouzbékistan", `${transit} Parmi eux figuraient 420 Kirghizes.`).answer).toContain("420 Kirghizes");
    // a part of the conversation's group, by where it went
    const flights = "Khartoum - L'OIM a débuté l'évacuation aérienne depuis Khartoum, la capitale soudanaise, vers Wau, Juba et Aweil, au Soudan du Sud, d'un groupe de 2 200 Soudanais du Sud vulnérables.";
    const history = [{ role: "user" as const, content: "Combien de Soudanais du Sud l'OIM évacue-t-elle depuis Khartoum ?" }];
    const juba = (text: string) => extractiveAnswer({ query: analyzeQuery("How many of the evacuees will land in Juba?", history), passages: [passageOf("k", "Évacuation depuis Khartoum", text)], idf, releaseText: () => text, focus: ["k"] });
    expect(juba(flights).abstained).toBe(true);
    expect(juba(`${flights} Quelque 900 d'entre eux atterriront à Juba.`).abstained).toBe(false);
    // a nationality among others, a country taking some in, where some come from
    const linosa = "Linosa - Près de 830 migrants, arrivés de Tripoli en Libye, ont débarqué sur l'île italienne de Linosa. Ils viennent pour la plupart d'Afrique subsaharienne.";
    expect(askOne("How many Eritreans were among the roughly 830 migrants who reached Linosa?", "Arrivées à Linosa", linosa).abstained).toBe(true);
    expect(askOne("How many Eritreans were among the roughly 830 migrants who reached Linosa?", "Arrivées à Linosa", linosa.replace(" Ils viennent", " Parmi eux figurent 120 Érythréens. Ils viennent")).answer).toContain("120 Érythréens");
    const greece = "Athènes - Plus de 12 000 demandeurs d'asile ont été réinstallés depuis la Grèce dans d'autres pays de l'Union européenne. La France est le principal pays d'accueil.";
    expect(askOne("How many asylum seekers relocated from Greece did France take in?", "Réinstallations depuis la Grèce", greece).abstained).toBe(true);
    // « sur les 13 mois » is a period, not a whole
    const iraq = "Iraq - Sur les 13 mois qui ont suivi janvier 2014, l'outil de suivi de l'OIM a recensé 2 254 266 personnes déplacées à l'intérieur de l'Iraq.";
    expect(askOne("Sur les 13 mois qui ont suivi janvier 2014, combien de personnes déplacées en Iraq l'OIM a-t-elle recensées ?", "Déplacés en Iraq", iraq).answer).toContain("2 254 266");
  });

  it("is quoted from the sentence counting them, beside the best one on the question", () => {
    const text =
      "Près de 830 migrants africains, qui sont arrivés de Tripoli en Libye sur l'île italienne de Linosa entre le 26 et le 28 mars, sont aujourd'hui transférés vers la Sicile.\n\nLe personnel de l'OIM signale la présence de 80 femmes et 12 enfants parmi les passagers.";
    const a = askOne("How many children were among the roughly 830 migrants from Libya who landed on the Italian island of Linosa?", "Arrivées à Linosa", text);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("12 enfants");
  });
});

describe("a count of a group, as the review found it", () => {
  it("is asked only of the noun counted, not of a subject or a phrase beside it", () => {
    expect(askOne("Combien de migrants le pays a-t-il accueillis en 2015 selon l'OIM ?", "Accueil", "Le Tchad a accueilli 300 000 migrants en 2015, selon l'OIM.").abstained).toBe(false);
    expect(askOne("Combien de tentes les familles déplacées de Ramadi ont-elles reçues de l'OIM ?", "Tentes", "Les familles déplacées de Ramadi ont reçu 500 tentes de l'OIM.").abstained).toBe(false);
  });

  it("is found in words, by a number after the noun, and for the group a follow-up names", () => {
    expect(askOne("Combien d'enfants l'OIM a-t-elle aidés à Bangui ?", "Enfants", "Bangui - L'OIM a aidé une dizaine d'enfants à retrouver leur famille.").abstained).toBe(false);
    expect(askOne("Combien de mineurs non accompagnés sont arrivés en Italie en 2016 ?", "Mineurs", "Rome - Les mineurs non accompagnés arrivés en Italie en 2016 étaient au nombre de 25 800.").abstained).toBe(false);
    const history = [
      { role: "user" as const, content: "Combien de femmes comptait le groupe de migrants guinéens rapatriés ?" },
      { role: "assistant" as const, content: "12 femmes." },
    ];
    const text = "Conakry - Le groupe de migrants guinéens rapatriés comptait 9 enfants.";
    const a = extractiveAnswer({ query: analyzeQuery("Et les enfants ?", history), passages: [passageOf("g", "Retour de Guinéens", text)], idf, releaseText: () => text, focus: ["g"] });
    expect(a.abstained).toBe(false);
  });

  it("leaves months read as dates in a range (« de Janvier à Mars », « jusqu'à Mars »)", () => {
    for (const q of ["Combien de migrants sont arrivés de Janvier à Mars ?", "Combien de migrants sont arrivés jusqu'à Mars ?", "Combien en Janvier, Février et Mars ?"]) {
      expect(analyzeQuery(q).concepts.filter((c) => ["janvier", "fevrier", "mars"].includes(c.word)).every((c) => c.entity === null)).toBe(true);
    }
  });
});

describe("a count asked after its whole, a date asked, a body named", () => {
  it("asks the part (« Parmi les 1 800 Rohingyas, combien étaient des enfants ? »)", () => {
    const text = "Cox's Bazar - Plus de 1 800 réfugiés rohingyas sont arrivés au Bangladesh la semaine passée, portant leur nombre à 624 000.";
    expect(askOne("Parmi les 1 800 Rohingyas arrivés au Bangladesh la semaine passée, combien étaient des enfants ?", "Arrivées", text).abstained).toBe(true);
    expect(askOne("Parmi les 1 800 Rohingyas arrivés au Bangladesh la semaine passée, combien étaient des enfants ?", "Arrivées", `${text} Parmi eux, 900 enfants.`).abstained).toBe(false);
  });

  it("« à quelle date » needs a day or a month in the release, not a year alone", () => {
    const q = "À quelle date a eu lieu l'atelier de danse de l'OIM à Bangui ?";
    expect(askOne(q, "Danse à Bangui", "Bangui - L'OIM a organisé un atelier de danse pour une cinquantaine d'enfants en 2016.").abstained).toBe(true);
    expect(askOne(q, "Danse à Bangui", "Bangui - En mai 2016, l'OIM a organisé un atelier de danse pour une cinquantaine d'enfants.").abstained).toBe(false);
  });

  it("a body named in words (the African Union) must be named by the release", () => {
    const question = "Who signed the new three-year agreement with IOM on behalf of the African Union?";
    const text = "Central African Republic - L'OIM a signé un nouvel accord de trois ans, signé au nom du gouvernement par le ministre Jean Dupont.";
    expect(askOne(question, "Un accord de trois ans", text).abstained).toBe(true);
    expect(askOne(question, "Un accord de trois ans", text.replace("au nom du gouvernement", "au nom de l'Union africaine")).abstained).toBe(false);
  });
});

describe("counts and dates, as the third review found them", () => {
  const arrivals = "Lampedusa - Quelque 1 800 migrants sont arrivés le 20 mars, parmi lesquels des femmes et des enfants.";
  it("a total asked beside a part is no part asked", () => {
    for (const q of ["How many migrants arrived in Lampedusa on 20 March, many of whom were women and children?", "Combien de migrants sont arrivés à Lampedusa le 20 mars, dont beaucoup étaient des enfants ?"]) {
      expect(askOne(q, "Arrivées à Lampedusa", arrivals).abstained).toBe(false);
    }
  });

  it("counts a part written before « d'entre eux », bodies as partners, and dates in English or figures", () => {
    expect(askOne("How many of the migrants who arrived in Lampedusa were women?", "Arrivées", "Lampedusa - Quelque 1 800 migrants sont arrivés le 20 mars ; 300 d'entre eux étaient des femmes.").abstained).toBe(false);
    expect(askOne("How many organisations took part in the Geneva consultations with IOM?", "Consultations", "Genève - Les consultations avec l'OIM ont réuni 40 partenaires humanitaires.").abstained).toBe(false);
    const q = "À quelle date l'OIM a-t-elle ouvert le centre de Sfax ?";
    expect(askOne(q, "Sfax", "Sfax - The IOM centre opened in May 2019 for migrants.").abstained).toBe(false);
    expect(askOne(q, "Sfax", "Sfax - L'OIM a ouvert le centre de Sfax le 15.05.2019.").abstained).toBe(false);
  });

  it("reads no body in a common word (\"How bad…\")", () => {
    expect(askOne("How bad is the flooding in Sindh, according to IOM?", "Crues au Sindh", "Sindh - L'OIM décrit des inondations graves au Sindh, qui ont touché 5 millions de personnes.").abstained).toBe(false);
  });
});

describe("a count of families or countries", () => {
  it("is answered only by a release counting them by their word (« 1 200 familles », « 13 pays »)", () => {
    const question = "Combien de familles déplacées sont retournées à Ramadi selon l'OIM ?";
    const people = "Iraq - Près de 73 000 Iraquiens déplacés sont retournés à Ramadi, selon l'OIM.";
    expect(askOne(question, "Retours à Ramadi", people).abstained).toBe(true);
    expect(askOne(question, "Retours à Ramadi", "Iraq - Selon l'OIM, 1 200 familles déplacées sont retournées à Ramadi.").answer).toContain("1 200 familles");
    const agencies = "Combien d'agences des Nations Unies font partie du Groupe mondial sur la migration ?";
    const gmg = "Londres - Le Groupe mondial sur la migration, présidé par l'OIM, s'est réuni le 2 mai avec 40 États.";
    expect(askOne(agencies, "Le Groupe mondial sur la migration", gmg).abstained).toBe(true);
    expect(askOne(agencies, "Le Groupe mondial sur la migration", gmg.replace("avec 40 États", "et réunit 16 agences des Nations Unies")).answer).toContain("16 agences");
  });
});

describe("a region by its compass point", () => {
  it("is found under its other name or through its countries (« Balkans de l'Ouest » — « Balkans occidentaux », « Europe de l'Est » — Moldavie)", () => {
    const text = "Sarajevo - L'OIM a publié un rapport sur les flux migratoires dans les Balkans occidentaux entre 2009 et 2013.";
    expect(askOne("Quelle période couvre le rapport sur les flux migratoires dans les Balkans de l'Ouest ?", "Un rapport sur les Balkans", text).abstained).toBe(false);
    const moldova = "Chisinau - Un projet pilote sur la santé des migrants a été lancé en Moldavie avec l'appui de l'OIM.";
    expect(askOne("Dans quel pays d'Europe de l'Est le projet pilote sur la santé des migrants a-t-il été lancé ?", "Santé des migrants", moldova).answer).toContain("Moldavie");
  });
});

describe("an English month", () => {
  it("is a date, not a name the release must hold", () => {
    expect(analyzeQuery("How many people did IOM relocate out of Greece between January and April?").concepts.filter((c) => ["january", "april"].includes(c.word)).every((c) => c.entity === null)).toBe(true);
  });
});

describe("an island", () => {
  it("is found in a release naming one of its provinces (« le nord de Sumatra » — Aceh)", () => {
    const text = "Banda Aceh - L'OIM a envoyé 16 fonctionnaires à Aceh pour suivre les personnes déplacées par le séisme.";
    expect(askOne("Combien de fonctionnaires l'OIM a-t-elle envoyés dans le nord de Sumatra pour suivre les déplacés du séisme ?", "Séisme en Indonésie", text).answer).toContain("16 fonctionnaires");
    expect(askOne("Combien de fonctionnaires l'OIM a-t-elle envoyés dans le nord de Sumatra pour suivre les déplacés du séisme ?", "Séisme en Indonésie", text.replaceAll("Aceh", "Sulawesi")).abstained).toBe(true);
  });
});

describe("a month in capitals", () => {
  it("is a name, not found in the release's dates (the planet Mars is no « mars 2025 »)", () => {
    const text = "Juba - Nous avons quitté cette zone pour des terres situées à une distance moyenne de 40 km de la ville, en mars 2025.";
    expect(askOne("Quelle est la distance moyenne entre la Terre et Mars ?", "Déplacés au Soudan du Sud", text).abstained).toBe(true);
  });

  it("is a date next to a day, a year or a word of time (« le 20 Mars 2011 », « en Mars »)", () => {
    const text = "Lampedusa - Le 20 mars 2011, plus de 1 630 migrants sont arrivés sur l'île de Lampedusa.";
    expect(askOne("Combien de migrants sont arrivés à Lampedusa le 20 Mars 2011 ?", "Arrivées à Lampedusa", text).abstained).toBe(false);
    expect(analyzeQuery("Combien de migrants sont arrivés en Mars ?").concepts.find((c) => c.word === "mars")?.entity).toBeNull();
    for (const q of ["Combien de migrants sont arrivés entre Janvier et Mars ?", "Combien au mois de Mars ?", "Combien à partir d'Avril ?", "Combien jusqu'en Mars ?"]) {
      expect(analyzeQuery(q).concepts.filter((c) => ["janvier", "mars", "avril"].includes(c.word)).every((c) => c.entity === null)).toBe(true);
    }
    expect(analyzeQuery("Quelle est la distance entre la Terre et Mars ?").concepts.find((c) => c.word === "mars")?.entity).toBe("name");
  });
});

describe("words of the present", () => {
  it("say nothing of what a question is about (« le cours actuel du bitcoin » is no « actuellement en cours »)", () => {
    expect(analyzeQuery("Quel est le cours actuel du bitcoin ?", []).concepts.map((c) => c.word)).toEqual(["cours", "bitcoin"]);
    expect(analyzeQuery("Who is the current UN High Commissioner for Refugees?", []).concepts.map((c) => c.word)).not.toContain("current");
    const text = "Mopti - L'aide humanitaire est actuellement en cours pour aider les familles les plus vulnérables.";
    expect(askOne("Quel est le cours actuel du bitcoin ?", "Aide au Mali", text).abstained).toBe(true);
  });
});

describe("words asking for precision", () => {
  it("say nothing of what a question is about (« il est mené où exactement ? »)", () => {
    expect(analyzeQuery("Ce programme, il est mené où exactement ?", []).concepts.map((c) => c.word)).toEqual(["programme", "mene"]);
    expect(analyzeQuery("What is the exact date of the precise count?", []).concepts.map((c) => c.word)).toEqual(["date", "count"]);
    expect(analyzeQuery("Quel est précisément le nombre exact de migrants ?", []).concepts.map((c) => c.word)).toEqual(["nombre", "migrants"]);
  });
});

describe("a noun pointing back at the conversation", () => {
  it("is no concept and makes the question a follow-up (« à ce sujet », \"on this matter\")", () => {
    const history = [
      { role: "user" as const, content: "Combien de réfugiés colombiens l'OIM a-t-elle réinstallés ?" },
      { role: "assistant" as const, content: "Le Brésil, le Chili et l'Argentine en ont accueilli 111 [1]." },
    ];
    const fr = analyzeQuery("Qui, à l'OIM, s'est exprimé à ce sujet ?", history);
    expect(fr.concepts.map((c) => c.word)).toEqual(["oim", "exprime"]);
    expect(fr.followUp).toBe(true);
    expect(analyzeQuery("What did IOM say on this matter?", history).concepts.map((c) => c.word)).toEqual(["iom", "say"]);
    // a subject asked is the kind of thing asked, not what the question is about, and the question asks of its own
    const subject = analyzeQuery("Quel était le sujet de la conférence ?", history);
    expect(subject.concepts.map((c) => c.word)).toEqual(["conference"]);
    expect(subject.followUp).toBe(false);
  });
});

describe("bodies the question names", () => {
  it("rule out a release that does not name them under any of their names", () => {
    const text = "Genève - Le budget annuel du programme d'aide alimentaire de l'OIM dans le monde s'élève à 300 000 dollars.";
    expect(askOne("Quel est le budget annuel du Programme alimentaire mondial ?", "Aide alimentaire mondiale", text).abstained).toBe(true);
    const named = "Genève - Le Programme alimentaire mondial et l'OIM ont lancé un appel de 300 000 dollars pour aider les victimes des inondations.";
    expect(askOne("How much did IOM and the World Food Programme appeal for to help flood victims?", "Appel conjoint", named).abstained).toBe(false);
  });
});

describe("a conversation's subject", () => {
  it("reaches back one question when the last says little (« Et le lien avec la migration ? »)", () => {
    const history = [
      { role: "user" as const, content: "Que dit l'OIM dans son texte sur la formation sanitaire des villages thaïlandais ?" },
      { role: "assistant" as const, content: "Que former les populations locales améliore la santé des communautés." },
      { role: "user" as const, content: "Et le lien avec la migration ?" },
      { role: "assistant" as const, content: "La prospérité des communautés peut dissuader d'émigrer." },
    ];
    const q = analyzeQuery("Ce programme, il est mené où exactement ?", history);
    expect(q.contextConcepts.map((c) => c.word)).toEqual(expect.arrayContaining(["formation", "sanitaire", "villages", "migration"]));
    expect(subjectOf(["Que dit l'OIM sur la formation sanitaire des villages ?", "Combien de migrants l'OIM a-t-elle aidés au Tchad en 2020 ?"])).toBe("Combien de migrants l'OIM a-t-elle aidés au Tchad en 2020 ?");
  });
});

describe("a follow-up pointing back with a pronoun", () => {
  it("needs one of its own words in the conversation's release, not a third of them", () => {
    const history = [{ role: "user" as const, content: "What happened to the migrants rescued at sea off Tunisia in August?" }];
    const text = "Tunisie - Aujourd'hui, 15 septembre, un groupe de 16 migrants secourus en mer par les autorités tunisiennes le 23 août rentre chez lui avec l'aide de l'OIM.";
    const ask = (question: string) => extractiveAnswer({ query: analyzeQuery(question, history), passages: [passageOf("t", "Retour de migrants secourus en Tunisie", text)], idf, releaseText: () => text, focus: ["t"] });
    expect(ask("How many of them are being sent home today?").answer).toContain("16 migrants");
    // without a pronoun, words of another subject are not the conversation's; nor with one pointing at a group the question names itself
    expect(ask("How many footballers are being sent home today?").abstained).toBe(true);
    expect(ask("And the trafficking victims exploited in gold mines, how many of them received hygiene kits?").abstained).toBe(true);
    // « rentrer chez eux » points at no one
    expect(ask("Et combien de déplacés ont été réinstallés chez eux ?").abstained).toBe(true);
  });
});

describe("elliptical follow-ups", () => {
  it("ask the kind of value their conversation asked", () => {
    const history = [
      { role: "user" as const, content: "Combien de migrants sont arrivés en Grèce le 30 octobre ?" },
      { role: "assistant" as const, content: "10 842 ce jour-là." },
    ];
    expect(analyzeQuery("Et le lendemain ?", history).askedAgain).toBe(history[0]!.content);
    expect(analyzeQuery("What about the next day?", history).askedAgain).toBe(history[0]!.content);
    expect(analyzeQuery("Et combien d'enfants ?", history).askedAgain).toBeUndefined();
    const text = "Athènes - Le 30 octobre, 10 842 migrants sont arrivés en Grèce. Le 31 octobre, la police en a compté 8 998 de plus.";
    const a = extractiveAnswer({ query: analyzeQuery("Et le lendemain ?", history), passages: [passageOf("g", "Arrivées en Grèce", text)], idf, releaseText: () => text, focus: ["g"] });
    expect(a.abstained).toBe(false);
  });
});

describe("the words asking how long", () => {
  it("are not what the question is about", () => {
    expect(analyzeQuery("Combien de temps a duré la traversée ?").concepts.map((c) => c.word)).toEqual(["traversee"]);
    expect(analyzeQuery("How long did the crossing last?").concepts.map((c) => c.word)).toEqual(["crossing"]);
    // « du temps supplémentaire » is a delay asked, not a duration's wording
    expect(analyzeQuery("Combien de temps supplémentaire les travailleurs ont-ils obtenu ?").concepts.map((c) => c.word)).toContain("temps");
  });
});

describe("other names of one place", () => {
  const one = (title: string, text: string) => ({ title, text });
  const ask = (question: string, release: { title: string; text: string }) => askOne(question, release.title, release.text);

  it("finds a place under the release's name for it (Irak / Iraq, Birmanie / Myanmar, Yangon / Rangoon)", () => {
    const iraq = one("Déplacements en Iraq", "Iraq - La Matrice de suivi des déplacements de l'OIM a identifié 2 176 764 déplacés internes en Iraq depuis janvier 2014.");
    expect(ask("Combien de déplacés internes la Matrice de suivi a-t-elle identifiés en Irak ?", iraq).answer).toContain("2 176 764");
    const myanmar = one("Aide au Myanmar", "Myanmar - L'OIM a distribué des bâches à 5 000 familles touchées par les inondations au Myanmar.");
    expect(ask("Combien de familles touchées par les inondations en Birmanie ont reçu des bâches ?", myanmar).answer).toContain("5 000 familles");
    const rangoon = one("Le cyclone Nargis", "L'OIM Rangoon a reçu plus de 100 tonnes de matériel médical pour les survivants du cyclone Nargis.");
    expect(ask("Combien de tonnes de matériel médical l'OIM a-t-elle reçues à Yangon après le cyclone Nargis ?", rangoon).abstained).toBe(false);
    // another place one letter apart is not a spelling of it
    const iran = one("Retours en Iran", "Iran - L'OIM a aidé 300 migrants à rentrer en Iran cette année.");
    expect(ask("Combien de migrants l'OIM a-t-elle aidés à rentrer en Irak ?", iran).abstained).toBe(true);
    // nor a common word two letters apart (« armée » for "Arménie"), nor the name after a title word left out ("Haut-Karabakh")
    const army = one("Programme d'aide aux réfugiés", "Erevan - L'OIM a mis en place en 2023 un programme d'aide aux réfugiés avec l'armée.");
    expect(ask("Quel programme l'OIM a-t-elle mis en place en Arménie pour les réfugiés en 2023 ?", army).abstained).toBe(true);
    expect(analyzeQuery("Quel programme pour les réfugiés du Haut-Karabakh ?").concepts.find((c) => c.word === "karabakh")?.entity).toBe("name");
  });

  it("counts a name found under its other name towards the release's coverage (Birmans / Myanmar)", () => {
    const myanmar = one("Migration au Myanmar", "Myanmar - Selon le recensement de 2014, plus de 2 millions de ressortissants du Myanmar vivent à l'étranger.");
    expect(ask("D'après le recensement de 2014, combien de Birmans gagnent leur vie hors de leurs frontières ?", myanmar).answer).toContain("2 millions");
  });

  it("finds a region in a release naming one of its countries (Amérique centrale / Honduras)", () => {
    const honduras = one("Deux ouragans consécutifs", "San José - L'OIM a alloué 750 000 dollars aux interventions humanitaires au Nicaragua, au Guatemala et au Honduras après deux ouragans consécutifs.");
    expect(ask("Combien l'OIM a-t-elle alloué face aux ouragans en Amérique centrale ?", honduras).answer).toContain("750 000 dollars");
    const peru = one("Deux ouragans consécutifs", "Lima - L'OIM a alloué 750 000 dollars aux interventions humanitaires au Pérou après deux ouragans consécutifs.");
    expect(ask("Combien l'OIM a-t-elle alloué face aux ouragans en Amérique centrale ?", peru).abstained).toBe(true);
    // a country of several words is named whole: the Libyan coast is not the Côte d'Ivoire
    const coast = one("Sauvetages en mer", "Au large de la côte libyenne, 300 migrants ont été secourus par les garde-côtes cette semaine.");
    expect(ask("Combien de migrants ont été secourus en mer en Afrique de l'Ouest cette semaine ?", coast).abstained).toBe(true);
    // a continent in a release naming one of its countries
    const benin = one("Nouveau rapport sur les remises de fonds", "Genève - L'OIM, le Gouvernement du Bénin et l'UN-OHRLLS publient un rapport sur les remises de fonds vers les pays les moins avancés.");
    expect(ask("Which African government co-published the report on remittances to least developed countries with IOM?", benin).answer).toContain("Bénin");
    // a people in a release naming where it comes from
    const fled = one("La Première ministre à Cox's Bazar", "Cox’s Bazar – Environ 370 000 personnes ont fui le Myanmar voisin depuis le 25 août.");
    expect(ask("How many Rohingya refugees had fled to Cox's Bazar since August 25?", fled).answer).toContain("370 000");
  });

  it("finds a country in a release naming its capital (Timor-Leste / Dili, Cambodia / Phnom Penh)", () => {
    const dili = one("Retour des familles déplacées", "L'OIM a aidé 1 030 familles déplacées vivant dans les camps de Dili à retourner chez elles, deux ans après les violences politiques.");
    expect(ask("Combien de familles déplacées du Timor-Leste l'OIM a-t-elle aidées à retourner chez elles ?", dili).answer).toContain("1 030 familles");
    const penh = one("Un atelier contre la traite", "L'OIM a organisé un atelier contre la traite des personnes à Phnom Penh pour 40 policiers.");
    expect(ask("How many police officers attended the IOM workshop against trafficking in Cambodia?", penh).answer).toContain("40 policiers");
  });

  it("takes a region under either of its French names (East Africa / Afrique orientale)", () => {
    const east = one("Réunion sur la migration", "Des représentants des gouvernements d'Afrique orientale se réuniront à partir du 12 mai à Addis Ababa pour la gestion des flux migratoires.");
    expect(ask("Where will governments of East Africa meet on migration flows management from 12 May?", east).answer).toContain("Addis Ababa");
    const west = one("Réunion sur la migration", "Des représentants des gouvernements d'Afrique occidentale se réuniront à partir du 12 mai à Dakar pour la gestion des flux migratoires.");
    expect(ask("Where will governments of East Africa meet on migration flows management from 12 May?", west).abstained).toBe(true);
  });
});

describe("words found in most releases", () => {
  it("do not make a release cover a question they are the only common words of", () => {
    // "oim" and "migration" are in most releases (low idf): the release has one of the other three
    const idf = (s: string) => (s === "oim" || s.startsWith("migr") ? 0.1 : 1.5);
    const passages = [passageOf("g", "Discours au Conseil", "Genève - Le Président a souligné la nécessité du travail de l'OIM sur la migration.")];
    const question = analyzeQuery("Les stages de travail à l'OIM sur la migration sont-ils rémunérés ?");
    const a = extractiveAnswer({ query: question, passages, idf, informative: informativeWeight(1000), releaseText: () => passages[0]!.text });
    expect(a.abstained).toBe(true);
    // in a small index, where frequencies say nothing, they count
    expect(extractiveAnswer({ query: question, passages, idf, informative: informativeWeight(5), releaseText: () => passages[0]!.text }).abstained).toBe(false);
  });
});

describe("numbers a question names", () => {
  it("are in the release that answers it, in figures or in words", () => {
    const text = "Aden - Cent soixante migrants éthiopiens sont rentrés du Yémen avec l'aide de l'OIM, un jour après le naufrage au large de Djibouti.";
    const ask = (q: string) => askOne(q, "Retour de migrants éthiopiens", text);
    expect(ask("D'où sont rentrés les 160 migrants éthiopiens aidés par l'OIM après le naufrage de Djibouti ?").abstained).toBe(false);
    expect(ask("D'où sont rentrés les 260 migrants éthiopiens aidés par l'OIM après le naufrage de Djibouti ?").abstained).toBe(true);
  });
});

describe("questions asking for a person", () => {
  it("are not answered by a release that names nobody on the subject", () => {
    const nobody = "Bangui - Un atelier de danse pour une cinquantaine d'enfants vulnérables s'est tenu cette semaine dans le cadre du programme de cohésion sociale.";
    const named = "Bangui - L'atelier de danse pour une cinquantaine d'enfants vulnérables a été animé par le chorégraphe Souleymane Sanogo dans le cadre du programme de cohésion sociale.";
    const ask = (text: string) => askOne("Qui a animé l'atelier de danse pour les enfants vulnérables de Bangui ?", "Un atelier de danse", text);
    expect(ask(nobody).abstained).toBe(true);
    expect(ask(named).answer).toContain("Souleymane Sanogo");
  });
});

describe("questions asking how long", () => {
  it("are not answered by a release that gives no duration at all", () => {
    const none = "Athènes - Plus de 12 000 demandeurs d'asile ont été réinstallés depuis la Grèce dans d'autres pays de l'Union européenne depuis octobre 2015.";
    const some = `${none}\n\nLa procédure de réinstallation d'un demandeur d'asile dure en moyenne trois mois.`;
    const ask = (text: string) => askOne("Combien de temps dure la réinstallation d'un demandeur d'asile depuis la Grèce ?", "Réinstallation depuis la Grèce", text);
    expect(ask(none).abstained).toBe(true);
    expect(ask(some).answer).toContain("trois mois");
  });
});

describe("questions asking a title", () => {
  it("are not answered by a release that gives no title, and read one after « intitulée » in quotes", () => {
    const none = "Dakar - L'OIM et le Centre international pour le développement de la politique migratoire (ICMPD) lancent une nouvelle publication sur les politiques migratoires en Afrique de l'Ouest.";
    const ask = (text: string) => askOne("Quel est le titre exact de la publication de l'OIM et de l'ICMPD sur les politiques migratoires en Afrique de l'Ouest ?", "Une publication", text);
    expect(ask(none).abstained).toBe(true);
    expect(ask(`${none} La publication, intitulée « Migration en Afrique de l'Ouest : tendances et pratiques », est disponible en ligne.`).answer).toContain("tendances et pratiques");
    // a quote opened and left unclosed after « intitulée »
    const campaign = "Tbilissi - Une campagne d'information de l'OIM vient d'être lancée auprès des jeunes géorgiens. “Cette campagne, financée par l'UE et intitulée « Les rues à l'étranger ne sont pas pavées de bonnes intentions ! Pensez-y avant de partir !”";
    expect(askOne("Quel est le titre de la campagne d'information de l'OIM auprès des jeunes géorgiens ?", "Une campagne", campaign).answer).toContain("Les rues à l'étranger");
  });
});

describe("values a release gives apart from the question's words", () => {
  it("answer a count of the dead, a chair that is a country, a duration in the title", () => {
    const dorian = "Nassau - Un mois après le passage de l'ouragan Dorian, l'OIM lance un appel de 10 millions de dollars pour appuyer le gouvernement des Bahamas. Le bilan humain après le passage du cyclone de catégorie 5 est passé à 61 morts et plus de 600 disparus.";
    expect(askOne("How many people died in the Bahamas after Hurricane Dorian, according to IOM's appeal?", "Appel pour les Bahamas", dorian).answer).toContain("61 morts");
    const colombo = "Manille - Les États du Processus de Colombo se sont réunis à Manille. Le Processus de Colombo, consultation ministérielle des pays d'origine en Asie, est actuellement présidé par le Népal.";
    expect(askOne("Who chairs the Colombo Process right now?", "Le Processus de Colombo", colombo).answer).toContain("présidé par le Népal");
    const au = extractiveAnswer({
      query: analyzeQuery("How long does the new agreement between IOM and the African Union run?"),
      passages: [passageOf("au", "L'OIM et l'UA signent un nouvel accord de trois ans", "Genève - L'OIM et l'Union africaine (UA) ont signé un accord visant à renforcer leur coopération sur les politiques migratoires.")],
      idf,
      releaseText: () => "Genève - L'OIM et l'Union africaine (UA) ont signé un accord visant à renforcer leur coopération sur les politiques migratoires.",
    });
    expect(au.abstained).toBe(false);
  });
});

describe("values asked in the words of a chat", () => {
  it("read a cost and a salary asked casually, a debate's moderator, a signatory on one side, families counted apart from things", () => {
    for (const q of ["Et ça coûte combien ?", "ça va coûter combien ce retour ?", "Quel salaire touchent les migrants embauchés ?"]) expect(answerSpec(q).types, q).toEqual(["amount"]);
    const debate = "Douchanbé - Un débat sur la tuberculose chez les migrants tadjiks s'est tenu mercredi à Douchanbé. M. Rustam Nazarov, ministre de la Santé, a salué l'initiative de l'OIM.";
    const moderator = (text: string) => askOne("Qui a animé le débat sur la tuberculose chez les migrants tadjiks à Douchanbé ?", "Un débat sur la tuberculose", text);
    expect(moderator(debate).abstained).toBe(true);
    expect(moderator(`${debate} Le débat sur la tuberculose a été animé par la journaliste Gulnora Rahimova.`).answer).toContain("Gulnora Rahimova");
    const agreement = "Genève - L'OIM et l'Union africaine (UA) ont signé un accord de trois ans pour renforcer les politiques migratoires.";
    expect(askOne("Qui a signé l'accord du côté de l'UA ?", "Un accord OIM-UA", agreement).abstained).toBe(true);
    const tents = "Hérat - L'OIM a fait don de 130 tentes à des familles afghanes expulsées d'Iran vulnérables en termes de logement.";
    const families = (text: string) => askOne("Combien de familles afghanes expulsées d'Iran ont reçu des tentes de l'OIM ?", "Des tentes pour les Afghans", text);
    expect(families(tents).abstained).toBe(true);
    expect(families(`${tents} Au total, 130 familles ont reçu une tente.`).answer).toContain("130 familles");
  });
});

describe("a town asked", () => {
  it("is quoted from the sentence naming it, beside the best one on the question", () => {
    const text =
      "Sierra Leone - Le nombre de cas d'Ebola a chuté depuis le début de l'année, mais ce déclin stagne aujourd'hui en Sierra Leone. " +
      "Bien que les cas soient confinés dans trois districts, ces deux dernières semaines, 21 nouveaux cas ont été confirmés, dont 15 dans la communauté côtière à faible revenu de Magazine Wharf, à Freetown.";
    expect(askOne("Dans quel quartier pauvre du littoral de la capitale sierra-léonaise a-t-on recensé la plupart des nouvelles contaminations à Ebola ?", "Ebola en Sierra Leone", text).answer).toContain("Magazine Wharf");
  });
});

describe("the rules on who did what, as a review found them", () => {
  it("still answer with a director, a host, a funder's adjective, a launch, a permit, a part counted « d'entre eux »", () => {
    expect(askOne("Qui dirige le bureau de l'OIM au Niger ?", "Le bureau du Niger", "Niamey - « Les migrants doivent être protégés », a déclaré Giuseppe Loprete, directeur du bureau de l'OIM au Niger.").answer).toContain("Giuseppe Loprete");
    expect(askOne("Who hosted the conference on migration in Accra?", "Une conférence à Accra", "Accra - La conférence sur la migration, accueillie par le gouvernement du Ghana, s'est ouverte lundi à Accra.").abstained).toBe(false);
    expect(askOne("Qui a financé la distribution de kits d'hygiène à Maiduguri ?", "Des kits à Maiduguri", "Maiduguri - L'OIM a distribué 5 000 kits d'hygiène à Maiduguri. Cette distribution a été financée par le gouvernement japonais.").answer).toContain("gouvernement japonais");
    expect(askOne("Qui a ouvert la conférence sur la migration à Rabat ?", "Une conférence à Rabat", "Rabat - La conférence sur la migration a été lancée lundi à Rabat par le ministre chargé des Marocains résidant à l'étranger, M. Anis Birou.").answer).toContain("Anis Birou");
    expect(askOne("Quel titre de séjour reçoivent les réfugiés syriens en Turquie ?", "Les Syriens en Turquie", "Ankara - Les réfugiés syriens en Turquie reçoivent un statut de protection temporaire, qui leur donne accès aux soins.").abstained).toBe(false);
    const history = [{ role: "user" as const, content: "Combien de réfugiés bhoutanais ont été réinstallés depuis le Népal ?" }];
    const bhutan = "Katmandou - Plus de 75 000 réfugiés bhoutanais ont été réinstallés depuis le Népal, principalement aux États-Unis.";
    const canada = (text: string) => extractiveAnswer({ query: analyzeQuery("Et combien d'entre eux sont partis au Canada ?", history), passages: [passageOf("b", "Réfugiés bhoutanais", text)], idf, releaseText: () => text, focus: ["b"] });
    expect(canada(bhutan).abstained).toBe(true);
    expect(canada(`${bhutan} Le Canada en a accueilli 5 500.`).answer).toContain("5 500");
  });
});

describe("a week asked by its rank", () => {
  it("is one the release names: the first week does not tell the second", () => {
    const first = "Beyrouth - Au cours de la première semaine, l'OIM et la Haute Commission de secours ont enregistré 3 708 Libanais de retour de Syrie.";
    expect(askOne("How many Lebanese returnees from Syria were registered in the second week?", "Libanais de retour de Syrie", first).abstained).toBe(true);
    expect(askOne("How many Lebanese returnees from Syria were registered in the first week?", "Libanais de retour de Syrie", first).answer).toContain("3 708");
  });
});

describe("the rules on who did what, as a second review found them", () => {
  it("read a signing role in the past tense, a leader only by a word of leading, a permit, Guinea, what someone makes, a week asked again", () => {
    const signed = "Bamako - L'OIM et le gouvernement malien ont signé un accord sur le retour volontaire. Le ministre des Maliens de l'extérieur, M. Yaya Sangaré, a salué l'engagement de l'OIM.";
    expect(askOne("Which minister signed the agreement with IOM on voluntary return?", "Un accord sur le retour", signed).abstained).toBe(true);
    const team = "Mopti - Une équipe d'évaluation de l'OIM a été envoyée à Mopti pour évaluer les besoins des déplacés. Le directeur régional de l'OIM, Richard Danziger, a salué la mobilisation.";
    expect(askOne("Qui dirigeait l'équipe d'évaluation envoyée à Mopti ?", "Une équipe à Mopti", team).abstained).toBe(true);
    expect(askOne("Qui dirigeait l'équipe d'évaluation envoyée à Mopti ?", "Une équipe à Mopti", team.replace("Une équipe d'évaluation de l'OIM a été envoyée", "Une équipe d'évaluation de l'OIM, dirigée par Mme Awa Traoré, a été envoyée")).answer).toContain("Awa Traoré");
    expect(askOne("Quel titre de séjour reçoivent les réfugiés syriens en Allemagne ?", "Les Syriens en Allemagne", "Berlin - Les réfugiés syriens en Allemagne reçoivent un titre de séjour de trois ans.").abstained).toBe(false);
    expect(answerSpec("How much do Guatemalan seasonal workers make in Canada?").types).toEqual(["amount"]);
    const returned = "Tripoli - L'OIM a rapatrié 2 500 migrants bloqués en Libye vers le Mali, la Guinée et le Sénégal.";
    const history = [{ role: "user" as const, content: "Combien de migrants bloqués en Libye l'OIM a-t-elle rapatriés ?" }];
    const guinea = (text: string) => extractiveAnswer({ query: analyzeQuery("Et combien d'entre eux sont rentrés en Guinée ?", history), passages: [passageOf("g", "Rapatriements depuis la Libye", text)], idf, releaseText: () => text, focus: ["g"] });
    expect(guinea(returned).abstained).toBe(true);
    expect(guinea(`${returned} Parmi eux, 900 sont rentrés en Guinée.`).answer).toContain("900");
    // a week asked again in a follow-up is the follow-up's own week
    const weeks = "Beyrouth - Au cours de la première semaine, l'OIM a enregistré 3 708 Libanais de retour de Syrie. Au cours de la deuxième semaine, 2 950 autres ont été enregistrés.";
    const first = [{ role: "user" as const, content: "Combien de Libanais revenus de Syrie ont été enregistrés la première semaine ?" }];
    const second = extractiveAnswer({ query: analyzeQuery("Et la deuxième semaine ?", first), passages: [passageOf("w", "Libanais de retour de Syrie", weeks)], idf, releaseText: () => weeks, focus: ["w"] });
    expect(second.answer).toContain("2 950");
  });
});

describe("questions asking who funds", () => {
  it("are not answered by a release that says nothing of funding", () => {
    const silent = "Banjul - Le 19 mai, l'OIM a facilité le retour volontaire de 148 migrants gambiens bloqués en Libye à bord d'un vol charter.";
    const funded = `${silent} Le vol charter a été financé par l'Union européenne.`;
    const ask = (text: string, q: string) => askOne(q, "Retour de migrants gambiens", text);
    expect(ask(silent, "Qui a financé le vol charter des migrants gambiens bloqués en Libye ?").abstained).toBe(true);
    expect(ask(funded, "Qui a financé le vol charter des migrants gambiens bloqués en Libye ?").abstained).toBe(false);
    // a question on something else that names funding is not one
    expect(ask(silent, "Combien de migrants gambiens bloqués en Libye le vol charter payé par l'OIM a-t-il ramenés ?").abstained).toBe(false);
    // asked in other words: "paid for", « met la main au portefeuille », "footed the bill"
    for (const q of ["Who paid for the charter flight of the Gambian migrants stranded in Libya?", "Qui met la main au portefeuille pour le vol charter des migrants gambiens bloqués en Libye ?", "Who footed the bill for the charter flight of the Gambian migrants stranded in Libya?"]) {
      expect(ask(silent, q).abstained, q).toBe(true);
      expect(ask(funded, q).answer, q).toContain("Union européenne");
    }
    expect(analyzeQuery("Who picked up the tab for the shelters?").concepts.map((c) => c.word)).toEqual(["shelters"]);
    for (const q of ["Qui a mis la main à la poche pour le vol charter des migrants gambiens bloqués en Libye ?", "Who covered the cost of the charter flight of the Gambian migrants stranded in Libya?"]) {
      expect(ask(silent, q).abstained, q).toBe(true);
      expect(ask(funded, q).answer, q).toContain("Union européenne");
    }
    // a gift of the agency itself names no donor
    const gift = "Hérat - L'OIM a fait don de 130 tentes à des familles afghanes expulsées d'Iran.";
    const donor = (text: string) => askOne("Quel donateur a financé les 130 tentes que l'OIM a distribuées aux familles afghanes ?", "Des tentes pour les familles afghanes", text);
    expect(donor(gift).abstained).toBe(true);
    expect(donor(`${gift} Les tentes ont été financées par le Japon.`).answer).toContain("Japon");
    // "paid for" in a question on something else asks no funder
    const agadez = "Agadez - Les migrants, originaires pour la plupart du Sénégal et de la Gambie, ont déclaré avoir versé entre 500 et 1 000 euros à des passeurs pour la traversée.";
    expect(askOne("Where do the migrants who paid for their crossing through Agadez come from?", "Migrants à Agadez", agadez).abstained).toBe(false);
  });

  it("quote the sentence saying who pays, even when it names nothing else of the question", () => {
    const text =
      "Libye - Hier, l'OIM a organisé un vol de rapatriement volontaire depuis la Libye vers la Guinée pour 173 migrants guinéens bloqués.\n\n" +
      "L'opération, menée avec l'Ambassade de Guinée en Libye et le Département libyen de lutte contre la migration illégale (DCIM), était la dernière d'une série de vols de retour volontaire.\n\n" +
      "Elle a été financée par le Secrétariat suisse pour la migration.";
    const a = askOne("Qui a financé le vol de rapatriement volontaire des 173 migrants guinéens bloqués en Libye ?", "L'OIM rapatrie des migrants guinéens", text);
    expect(a.answer).toContain("Secrétariat suisse pour la migration");
  });
});

describe("a capital named in the question", () => {
  it("is found in a release naming its country", () => {
    const text = "Royaume-Uni - Hier, 2 mars, la cheffe de mission de l'OIM au Royaume-Uni a lancé la « Journée mondiale du transfert d'argent », qui aura lieu le 15 mars 2015.";
    expect(askOne("What date was set for the International Money Transfer Day launched in London?", "Le compte à rebours de la Journée mondiale du transfert d'argent", text).answer).toContain("15 mars 2015");
    // a country of several words written as one ("Viet Nam" — "Vietnam")
    const vietnam = "Vietnam - L'OIM au Vietnam organise cette semaine un atelier sur la protection des migrants en temps de crise dans le Bassin du Mékong, avec le Ministère vietnamien des affaires étrangères.";
    expect(askOne("Avec quel ministère de Hanoï l'OIM organise-t-elle l'atelier sur la protection des migrants dans le bassin du Mékong ?", "Protéger les migrants en temps de crise", vietnam).answer).toContain("Ministère vietnamien des affaires étrangères");
  });
});

describe("a missing place", () => {
  const text =
    "Lilongwe - La semaine dernière, l'OIM a aidé 57 Malawites à rentrer chez eux après les violences xénophobes autour de Durban, dans le KwaZulu-Natal, en Afrique du Sud. " +
    "Les migrants ont reçu une aide au transport et des kits d'hygiène.";
  it("is no other spelling when it is a known country or nationality", () => {
    expect(askOne("How many Mozambican migrants did IOM help return home after the violence around Durban, KwaZulu-Natal?", "Retour de Malawites", text).abstained).toBe(true);
    expect(askOne("How many Malawian migrants did IOM help return home after the violence around Durban, KwaZulu-Natal?", "Retour de Malawites", text).answer).toContain("57 Malawites");
  });

  it("may be one of a list of three the release names the others of, not one place among others", () => {
    const storms = "Tegucigalpa - L'OIM a consacré 750 000 dollars à sa réponse aux ouragans Eta et Iota au Nicaragua, au Guatemala et au Honduras, où des milliers de familles ont perdu leur maison.";
    expect(askOne("How much money did IOM allocate to its hurricane response in Honduras, Guatemala and El Salvador?", "Les ouragans en Amérique centrale", storms).answer).toContain("750 000 dollars");
    // names with particles (« Côte d'Ivoire ») are in the list
    expect(askOne("How much did IOM spend on Ebola in Côte d'Ivoire, Guinea and Liberia?", "Ebola", "Conakry - L'OIM a consacré 2 millions de dollars à la lutte contre Ebola en Guinée, au Libéria et en Sierra Leone.").answer).toContain("2 millions de dollars");
    // a place outside the list is missing as any place is
    expect(askOne("How many migrants from Mali, Niger and Chad arrived in Libya in 2017?", "Arrivées", "Alger - En 2017, 12 000 migrants du Mali, du Niger et du Tchad sont arrivés en Algérie.").abstained).toBe(true);
    // places named apart, not in a list: the missing one still rules the release out
    const fled = "Khartoum - Depuis le début des affrontements au Soudan, 45 000 Soudanais ont fui vers le Tchad, selon la DTM de l'OIM.";
    expect(askOne("Combien de Soudanais ont fui vers l'Égypte depuis le début des affrontements au Soudan ?", "Le Soudan", fled).abstained).toBe(true);
  });

  it("may be the region of the place asked", () => {
    const toronto = "Quito - L'OIM a observé le vote des Équatoriens de l'étranger à Madrid, à New York et à Toronto, où des milliers d'électeurs se sont rendus aux urnes pour les élections nationales.";
    expect(askOne("Apart from Madrid and New York, in which Canadian city did IOM observe Ecuadorians voting in the national elections?", "Vote des Équatoriens", toronto).answer).toContain("Toronto");
  });
});

describe("a value asked beyond the retrieved passages", () => {
  it("comes from the rest of the best release", () => {
    const first = "Turin - Le Centre international de formation et l'OIM organisent cette semaine un atelier de formation des autorités locales sur la gouvernance des migrations.";
    const text = `${first}\n\nPlus de 30 représentants de gouvernements y participent.\n\nLa formation de cinq jours vise à maximiser le potentiel de la migration pour le développement local.`;
    const a = extractiveAnswer({ query: analyzeQuery("How long is the training of local authorities in Turin?"), passages: [{ ...passageOf("x", "Formation à Turin", text), text: first, end: first.length }], idf, releaseText: () => text });
    expect(a.answer).toContain("atelier de formation des autorités locales");
    expect(a.answer).toContain("cinq jours");
    expect(integrityProblems({ ...a, id: "a_test", timings: { retrievalMs: 0, totalMs: 0 } }, () => text)).toEqual([]);
  });
});

describe("questions counting the dead", () => {
  it("are not answered by a release that speaks of no deaths", () => {
    const none = "Guiuan - L'OIM a installé un camp de tentes pour 98 familles déplacées par le typhon Haiyan sur le campus de l'université.";
    const some = `${none} Le typhon a fait 106 morts à Guiuan.`;
    const ask = (text: string) => askOne("How many people were killed by Typhoon Haiyan in Guiuan?", "Un camp de tentes à Guiuan", text);
    expect(ask(none).abstained).toBe(true);
    expect(ask(some).answer).toContain("106 morts");
  });
});

describe("questions asking a day or a year", () => {
  it("are not answered by a release that gives neither", () => {
    const week = "Mexique - Thomas Lothar Weiss, chef de mission de l'OIM au Mexique, a rencontré cette semaine Javier Duarte, gouverneur de l'Etat de Veracruz.";
    const day = week.replace("cette semaine", "le 12 mars");
    const ask = (text: string) => askOne("On what exact date did IOM's chief of mission in Mexico meet the governor of Veracruz?", "Rencontre à Veracruz", text);
    expect(ask(week).abstained).toBe(true);
    expect(ask(day).answer).toContain("12 mars");
    const noYear = "Iraq - Dimanche 10 janvier, le chef de mission de l'OIM s'est rendu dans le camp de Zayouna à Bagdad, qui accueille des familles chrétiennes déplacées.";
    const year = `${noYear} Le camp a ouvert ses portes en 2014.`;
    const askYear = (text: string) => askOne("En quelle année le camp de Zayouna, à Bagdad, a-t-il ouvert ?", "Visite du camp de Zayouna", text);
    expect(askYear(noYear).abstained).toBe(true);
    expect(askYear(year).answer).toContain("2014");
    // « cette année » asks no year
    const text = "Genève - Ce samedi 16 juin a lieu la Journée internationale des envois de fonds familiaux.";
    expect(askOne("Quel jour tombe cette année la Journée internationale des envois de fonds familiaux ?", "Les envois de fonds", text).answer).toContain("16 juin");
  });

  it("count the dead only next to words of the dead", () => {
    const displaced = "Près de cinq semaines après le passage de la tempête tropicale Noel en République dominicaine, plus de 2600 personnes sont encore déplacées. La tempête a fait de nombreuses victimes.";
    const dead = `${displaced} Le nombre total de victimes de la tempête Noel s'élève aujourd'hui à 87.`;
    const ask = (text: string) => askOne("How many people were killed in the Dominican Republic by Tropical Storm Noel?", "La tempête Noel", text);
    expect(ask(displaced).abstained).toBe(true);
    expect(ask(dead).answer).toContain("87");
  });
});

describe("questions asking who acted on behalf of someone", () => {
  it("are answered by a release naming a person, not by one naming only bodies", () => {
    const bodies = "Vientiane - L'OIM, le Ministère du Travail et des Affaires sociales et l'Union des femmes laotiennes ont signé aujourd'hui un Mémorandum d'accord sur la lutte contre la traite.";
    const person = `${bodies} Le mémorandum a été signé par Mme Inlavanh Keobounphanh au nom de l'Union des femmes laotiennes.`;
    const ask = (text: string) => askOne("Who signed the counter-trafficking memorandum of understanding on behalf of the Lao Women's Union?", "Accord contre la traite", text);
    expect(ask(bodies).abstained).toBe(true);
    expect(ask(person).answer).toContain("Inlavanh Keobounphanh");
    // a contact line names no signatory
    expect(ask(`${bodies}\n\nPour plus d'informations, veuillez contacter Jorge Gallo à l'OIM.`).abstained).toBe(true);
  });

  it("read an amount in « combien le Canada a-t-il versé »", () => {
    expect(answerSpec("Combien le Canada a-t-il versé pour le projet régional de l'OIM ?").types).toEqual(["amount"]);
    expect(answerSpec("Combien de tentes l'OIM a-t-elle données aux familles ?").types).toEqual(["count"]);
  });
});

describe("questions asking who did a ceremonial act", () => {
  it("are answered by a sentence telling the act and naming its doer, not by one telling only the act", () => {
    const bodies = "Genève - L'OIM et l'Union africaine ont signé un accord de trois ans pour renforcer les politiques migratoires. Le Directeur général William Lacy Swing a salué ce partenariat.";
    const signed = `${bodies} L'accord a été signé par Mme Amira Elfadil, Commissaire aux affaires sociales.`;
    const ask = (text: string) => askOne("Qui a signé l'accord de trois ans entre l'OIM et l'Union africaine ?", "Un accord OIM-UA", text);
    expect(ask(bodies).abstained).toBe(true);
    expect(ask(signed).answer).toContain("Amira Elfadil");
  });

  it("know a chair by « sous la houlette de » or « sous la présidence de », an inauguration by its ribbon", () => {
    const met = "Maroua - Une réunion de planification du retour des déplacés s'est tenue le 3 avril 2024 avec M. Jean Abena, délégué régional.";
    const chaired = "Maroua - Une réunion de planification du retour des déplacés a eu lieu le 3 avril 2024 sous la houlette de M. Évariste Atangana Zoa, Secrétaire des Services du Gouverneur.";
    const ask = (text: string) => askOne("Who chaired the planning meeting in Maroua on the return of the displaced?", "Retour des déplacés", text);
    expect(ask(met).abstained).toBe(true);
    expect(ask(chaired).answer).toContain("Évariste Atangana Zoa");
    expect(askOne("Qui a présidé la réunion de planification de Maroua ?", "Retour des déplacés", met.replace("avec M. Jean Abena", "sous la présidence de M. Jean Abena")).answer).toContain("Jean Abena");
    const opened = "Mexico - Un centre d'aide aux migrants a été ouvert mercredi à Motozintla en présence de M. Pablo Ruiz.";
    const inaugurate = (text: string) => askOne("Qui a inauguré le centre d'aide aux migrants de Motozintla ?", "Un centre à Motozintla", text);
    expect(inaugurate(opened).abstained).toBe(true);
    expect(inaugurate("Mexico - Le centre d'aide aux migrants de Motozintla a été inauguré mercredi par le gouverneur Manuel Velasco.").answer).toContain("Manuel Velasco");
  });

  it("know who opened a meeting, who led a team or a workshop, and who signed when a role is asked", () => {
    const met = "Sénégal - Des hauts fonctionnaires de 13 pays se réunissent lundi à Dakar pour lutter contre le trafic illicite de migrants. M. Abdou Diallo, chef de mission de l'OIM, a salué leur engagement.";
    const opened = (text: string) => askOne("Qui a ouvert officiellement la réunion des hauts fonctionnaires à Dakar ?", "Une réunion à Dakar", text);
    expect(opened(met).abstained).toBe(true);
    expect(opened(`${met} La réunion a été ouverte par le ministre de l'Intérieur, M. Aly Ngouille Ndiaye.`).answer).toContain("Aly Ngouille Ndiaye");
    const workshop = "Bangui - L'OIM a organisé un atelier de danse pour une cinquantaine d'enfants vulnérables.";
    const led = (text: string) => askOne("Who led the IOM dance workshop for vulnerable children in Bangui?", "Un atelier de danse", text);
    expect(led(workshop).abstained).toBe(true);
    expect(led(`${workshop} Souleymane Sanogo, danseur professionnel malien, a animé l'atelier de danse sur une scène de Bangui.`).answer).toContain("Souleymane Sanogo");
    const signed = "Genève - L'OIM a publié une déclaration pour la Journée internationale des envois de fonds familiaux. Le Directeur général, M. António Vitorino, a rappelé le rôle des migrants.";
    expect(askOne("Quel responsable de l'OIM a signé la déclaration pour la Journée des envois de fonds ?", "Une déclaration", signed).abstained).toBe(true);
  });

  it("ask a person by a post of a release naming someone in that post", () => {
    const visit = "Iraq - William Lacy Swing, Directeur général de l'OIM, s'est rendu à Bagdad les 14 et 15 février pour renforcer la relation de l'OIM avec le gouvernement iraquien. M. Swing a rencontré des déplacés du camp de Zayouna.";
    const pm = (text: string) => askOne("Quel Premier ministre iraquien William Lacy Swing a-t-il rencontré à Bagdad ?", "Visite à Bagdad", text);
    expect(answerSpec("Quel Premier ministre iraquien a-t-il rencontré ?").types).toEqual(["person"]);
    expect(pm(visit).abstained).toBe(true);
    expect(pm(`${visit} Il a également rencontré le Premier ministre Haider al-Abadi.`).answer).toContain("Haider al-Abadi");
    // a name run together after the post still names someone
    const governor = "Bangkok - L'annonce de la fermeture de grandes entreprises par le gouverneur de Bangkok, AswinKwanmuang, le 21 mars, a provoqué le départ de travailleurs migrants.";
    expect(askOne("Who is the Bangkok governor who announced the closure of large businesses?", "Départs de Thaïlande", governor).answer).toContain("AswinKwanmuang");
  });

  it("ask the first holder of a post of a release telling who was the first", () => {
    const today = "Genève - L'OIM célèbre ses 65 ans. Son Directeur général, William Lacy Swing, a rappelé l'histoire de l'Organisation depuis 1951.";
    const first = (text: string) => askOne("Qui a été le tout premier directeur de l'OIM ?", "65 ans de l'OIM", text);
    expect(first(today).abstained).toBe(true);
    expect(first(`${today} Son premier directeur, Pierre Jacobsen, avait pris ses fonctions en 1952.`).answer).toContain("Pierre Jacobsen");
  });

  it("take a title or a body the question does not name for the doer, not the parties the question names", () => {
    expect(askOne("Qui a signé le protocole d'accord avec le Niger ?", "Un accord", "Niamey - L'OIM et le gouvernement du Niger ont signé mardi un protocole d'accord sur la gestion des frontières.").answer).toContain("ont signé mardi");
    expect(askOne("Qui a inauguré le centre de transit d'Agadez ?", "Agadez", "Agadez - Le centre de transit de l'OIM à Agadez a été inauguré jeudi par le gouverneur de la région et l'ambassadeur de l'Union européenne.").answer).toContain("gouverneur de la région");
    expect(askOne("Qui a présidé la Conférence régionale sur les migrations de San José ?", "La CRM", "San José - La Conférence régionale sur les migrations (CRM) s'est tenue à San José sous la présidence du Honduras et de l'OIM.").answer).toContain("Honduras");
    const parties = "Genève - L'Organisation internationale pour les migrations (OIM) et l'Union africaine (UA) ont signé un accord de trois ans pour renforcer les politiques migratoires.";
    expect(askOne("Qui a signé l'accord de trois ans entre l'OIM et l'Union africaine ?", "Un accord OIM-UA", parties).abstained).toBe(true);
    // cutting something else than a ribbon is no inauguration
    expect(askOne("Qui a coupé les fonds du programme de retour de l'OIM ?", "Les fonds", "Genève - Le Département d'État (DOS) a coupé les fonds du programme de retour de l'OIM en mars.").answer).toContain("DOS");
  });

  it("know the parties under their acronym in either language", () => {
    expect(askOne("Qui a signé un accord avec l'OIM à Addis-Abeba ?", "Un accord", "Addis-Abeba - L'OIM et l'UA ont signé un accord sur la migration de travail.").answer).toContain("l'UA ont signé");
    expect(askOne("Who signed the agreement between IOM and the African Union?", "Un accord", "Genève - L'Organisation internationale pour les migrations (OIM) et l'Union africaine (UA) ont signé un accord de trois ans.").abstained).toBe(true);
  });

  it("ask who wrote a text of a release telling who wrote, led or prepared it", () => {
    const text = "Dhaka - L'étude de l'OIM sur le changement climatique et la migration au Bangladesh a été menée par M. Tasneem Siddiqui.";
    expect(askOne("Who wrote the IOM study on climate change and migration in Bangladesh?", "Une étude", text).answer).toContain("Tasneem Siddiqui");
    const report = "Genève - L'OIM publie un rapport sur les données relatives à la migration et au changement climatique. Le rapport sur la migration et le changement climatique a été présenté par William Lacy Swing, Directeur général de l'OIM.";
    const author = (body: string) => askOne("Who is the lead author of IOM's report on migration and climate change data?", "Un rapport", body);
    expect(author(report).abstained).toBe(true);
    expect(author(`${report} Le rapport sur la migration et le changement climatique a été rédigé par Frank Laczko.`).answer).toContain("Frank Laczko");
    expect(askOne("Qui est l'auteur du rapport de l'OIM sur la migration et le changement climatique ?", "Un rapport", report).abstained).toBe(true);
    // written, led, prepared, coordinated or carried out by
    expect(askOne("Qui est l'auteur de l'étude sur les transferts de fonds ?", "Une étude", "Dakar - L'étude sur les transferts de fonds, effectuée par l'économiste Aminata Diallo, a été présentée par le ministre.").answer).toContain("Aminata Diallo");
    // the authors of an attack are no writers
    expect(askOne("Qui sont les auteurs de l'attaque contre le convoi humanitaire ?", "Une attaque", "Juba - Le convoi humanitaire de l'OIM a été attaqué mardi par des hommes armés d'une milice locale, a déclaré le chef de mission Jean Dupont.").abstained).toBe(false);
  });
});

describe("a question asking two values of one kind", () => {
  it("quotes for the second the sentence holding a word only it has (« … et combien à la même date en 2016 ? »)", () => {
    const text =
      "Genève - D'après l'OIM, au 31 mai 2017, 71 029 migrants et réfugiés sont arrivés en Europe par la mer. " +
      "Depuis les dernières actualités de l'OIM concernant la Méditerranée (30 mai), 1 271 migrants secourus ont été amenés en Italie par la mer. " +
      "Au 31 mai 2016, ils étaient 205 858.";
    const a = askOne("Fin mai 2017, combien de migrants avaient gagné l'Europe par la mer, et combien à la même date en 2016 ?", "Arrivées en Europe", text);
    expect(a.answer).toContain("71 029");
    expect(a.answer).toContain("205 858");
  });
});

describe("a book whose name is asked", () => {
  it("is named as « un ouvrage intitulé … » as well as a book", () => {
    const text = "Bogota - Avec le soutien de l'USAID, l'OIM en Colombie a publié cette semaine un ouvrage intitulé Small victories compilant les récits de 10 mineurs démobilisés des groupes armés.";
    expect(askOne("Comment s'appelle le livre de témoignages de mineurs démobilisés des groupes armés publié par l'OIM en Colombie ?", "L'OIM publie un recueil", text).answer).toContain("Small victories");
  });
});

describe("a part of a country asked", () => {
  it("is not answered by a release that never names that country, under any form", () => {
    const ask = (text: string) => askOne("Quelle province irakienne accueille le plus de déplacés d'après la DTM de l'OIM ?", "La DTM", text);
    expect(ask("Quito - La DTM de l'OIM a recensé les déplacés dans les provinces équatoriennes de Manabi et d'Esmeraldas, la plus touchée.").abstained).toBe(true);
    expect(ask("Bagdad - Selon la DTM de l'OIM, la province d'Anbar accueille le plus de déplacés, devant celle de Ninive.").answer).toContain("Anbar");
    expect(askOne("In which Nigerian state are most displaced people living?", "Le Nigéria", "Maiduguri - Selon l'OIM, la plupart des déplacés nigérians vivent dans l'État de Borno.").answer).toContain("Borno");
  });
});

describe("a month asked", () => {
  it("is answered by a sentence naming one, not by « le mois dernier » alone", () => {
    const last = "Dilla - Les affrontements entre communautés le mois dernier ont contraint des centaines de milliers de personnes à fuir en Éthiopie.";
    const ask = (text: string) => askOne("En quel mois les affrontements ont-ils contraint les gens à fuir en Éthiopie ?", "L'Éthiopie", text);
    expect(ask(last).abstained).toBe(true);
    expect(ask(`${last} Les personnes déplacées en juin se sont ajoutées aux déplacements de l'an passé en Éthiopie.`).answer).toContain("juin");
  });
});

describe("a report or a book whose title is asked", () => {
  it("is not « un recueil de données »", () => {
    expect(askOne("Quel est le titre du livre publié par l'OIM au Niger ?", "Le Niger", "Niamey - L'OIM publie les résultats du recueil de données de la Matrice de suivi des déplacements au Niger.").abstained).toBe(true);
  });
});

describe("questions counting people by their work", () => {
  it("are answered by a count of workers or staff, under another of their words, not by a count of others", () => {
    const refugees = "Damas - Au cours de la semaine passée, l'OIM à Damas a aidé 118 réfugiés iraquiens à se réinstaller aux États-Unis.";
    const ask = (text: string) => askOne("Combien de travailleurs migrants l'OIM a-t-elle rapatriés depuis Damas la semaine passée ?", "Damas", text);
    expect(ask(refugees).abstained).toBe(true);
    expect(ask(`${refugees} L'OIM a aussi rapatrié depuis Damas 250 travailleurs migrants indonésiens.`).answer).toContain("250 travailleurs");
    expect(askOne("How many health workers did IOM train in Sierra Leone?", "Santé", "Freetown - L'OIM a formé 150 professionnels de santé en Sierra Leone.").answer).toContain("150 professionnels");
    expect(askOne("Combien de pecheurs l'OIM a-t-elle rapatriés d'Indonésie ?", "Pêcheurs", "Jakarta - L'OIM a rapatrié 120 migrants d'Indonésie.").abstained).toBe(true);
    const staff = "Banda Aceh - L'OIM a déployé 16 fonctionnaires dans la province d'Aceh pour suivre les déplacés du séisme.";
    expect(askOne("Combien d'agents l'OIM a-t-elle envoyés à Aceh pour suivre les déplacés du séisme ?", "Aceh", staff).answer).toContain("16 fonctionnaires");
  });
});

describe("questions counting places or facilities", () => {
  it("are answered by a number before a word of such a unit, not by a count of people", () => {
    const people = "Cox's Bazar - Environ 2 000 réfugiés rohingyas affluent chaque jour dans les camps du district de Cox's Bazar, au Bangladesh.";
    const ask = (text: string) => askOne("Combien de camps accueillent les réfugiés rohingyas dans le district de Cox's Bazar ?", "Les réfugiés à Cox's Bazar", text);
    expect(ask(people).abstained).toBe(true);
    expect(ask(`${people} Les réfugiés vivent dans 34 camps du district de Cox's Bazar.`).answer).toContain("34 camps");
    // another unit word counts too (« 16 points d'entrée » for « postes frontières », « cinq nouveaux sites »)
    const points = "Khartoum - L'OIM suit les réfugiés qui fuient le Soudan à 16 points d'entrée aux postes frontières.";
    expect(askOne("À combien de postes frontières l'OIM suit-elle les réfugiés qui fuient le Soudan ?", "Le Soudan", points).answer).toContain("16 points");
  });

  it("read the unit after an elision or an adjective, not its complement, and find it counted after its word", () => {
    const people = "Ampara - Au total, 2 000 déplacés vivent dans les écoles du district d'Ampara depuis les inondations.";
    const schools = (text: string) => askOne("Combien d'écoles servent d'abris aux déplacés dans le district d'Ampara ?", "Les inondations à Ampara", text);
    expect(schools(people).abstained).toBe(true);
    expect(schools(people.replace("dans les écoles", "dans 48 écoles")).answer).toContain("48 écoles");
    expect(askOne("Combien de sites de déplacement compte le Malawi ?", "Le Malawi", "Lilongwe - Le nombre de sites de déplacement est passé de 30 à 45 au Malawi.").answer).toContain("45");
    expect(askOne("Combien de kits d'abris l'OIM a-t-elle distribués aux familles de Sindh ?", "Le Sindh", "Karachi - L'OIM a distribué 3 000 kits aux familles du Sindh.").answer).toContain("3 000 kits");
    expect(askOne("Pourquoi un grand nombre de villages ont-ils été évacués au Mozambique ?", "Le Mozambique", "Maputo - Les villages ont été évacués au Mozambique en raison des inondations qui ont touché 20 000 personnes.").abstained).toBe(false);
  });

  it("take no count of people for a count of units, in English after \"IOM\" or after the unit's word", () => {
    expect(askOne("How many IOM offices are there in Libya?", "La Libye", "Tripoli - Les bureaux de l'OIM en Libye emploient 300 personnes.").abstained).toBe(true);
    expect(askOne("Combien de sites de déplacement l'OIM gère-t-elle en Irak ?", "L'Irak", "Bagdad - Dans les sites de déplacement gérés par l'OIM en Irak, 12 000 familles vivent encore.").abstained).toBe(true);
    expect(askOne("Combien de personnes responsables de la traite ont été arrêtées au Niger ?", "La traite", "Niamey - Au Niger, 12 trafiquants présumés responsables de la traite ont été arrêtés par la police.").answer).toContain("12 trafiquants");
  });

  it("count other things a release names by a number before their word", () => {
    const text = "Kaboul - L'OIM est venue en aide aux familles expulsées arrivées à Kaboul en leur distribuant des couvertures et une aide médicale. Le mois dernier, 77 900 migrants afghans ont été expulsés vers Kaboul avec leurs familles.";
    const blankets = (t: string) => askOne("Combien de couvertures l'OIM a-t-elle distribuées aux familles expulsées arrivées à Kaboul ?", "Kaboul", t);
    expect(blankets(text).abstained).toBe(true);
    expect(blankets(text.replace("des couvertures", "2 500 couvertures")).answer).toContain("2 500 couvertures");
    // in English, the noun before a participle; its French word counted (« tonnes »)
    const tons = "Rangoun - L'OIM a reçu plus de 100 tonnes de matériel médical pour les 50 000 survivants du cyclone.";
    expect(askOne("How many tonnes of medical supplies did IOM receive for the cyclone survivors?", "Le cyclone", tons).answer).toContain("100 tonnes");
    expect(askOne("How many tonnes of medical supplies did IOM receive for the cyclone survivors?", "Le cyclone", tons.replace("plus de 100 tonnes de", "du")).abstained).toBe(true);
    // not people by their nationality, members or a list (the release may count them otherwise)
    const gambians = "Banjul - Un groupe de 63 Gambiens secourus en mer par la Marine royale marocaine est rentré avec l'aide de l'OIM.";
    expect(askOne("How many Gambians rescued by the Moroccan navy did IOM help return home?", "Des Gambiens", gambians).answer).toContain("63 Gambiens");
    const pens = "Maiduguri - Le fabricant a offert 80 000 articles aux enfants déplacés : crayons, stylos et feutres.";
    expect(askOne("Combien de crayons, stylos et feutres le fabricant a-t-il offerts aux enfants déplacés ?", "Des crayons", pens).answer).toContain("80 000");
    // one thing is counted by « un »
    const convoy = "Port-au-Prince - Un convoi de l'OIM transportant 28 500 kits a quitté Port-au-Prince pour le sud d'Haïti.";
    expect(askOne("Combien de convois de l'OIM ont quitté Port-au-Prince pour le sud d'Haïti ?", "Un convoi", convoy).answer).toContain("Un convoi");
    // people or events under another name are counted as people (« 50 personnes » for « disparus », « 1 500 migrants » for « retours »)
    const missing = "Tripoli - Au moins 50 personnes sont portées disparues après le naufrage au large de la Libye. Les disparus étaient pour la plupart des Érythréens.";
    expect(askOne("Combien de disparus après le naufrage au large de la Libye ?", "Un naufrage", missing).answer).toContain("50 personnes");
    const returns = "Tripoli - L'OIM a aidé 1 500 migrants bloqués en Libye à rentrer chez eux grâce à son programme de retours volontaires.";
    expect(askOne("Combien de retours volontaires l'OIM a-t-elle organisés depuis la Libye ?", "Retours", returns).answer).toContain("1 500 migrants");
    expect(askOne("How many host communities benefit from the new water points?", "L'eau", "Garowe - Au total, 12 communautés d'accueil bénéficient des nouveaux points d'eau construits par l'OIM.").answer).toContain("12 communautés");
    // nor a thing the release does not name: a paraphrase may count it under another word
    const beds = "Port-au-Prince - Les équipes de l'OIM ont remis 1 200 lits aux centres de traitement du choléra.";
    expect(askOne("Combien de couchettes les équipes de l'OIM ont-elles remises aux centres de traitement du choléra ?", "Le choléra", beds).answer).toContain("1 200 lits");
  });

  it("leave counts of people named after a place word, and amounts, as they were", () => {
    const text = "Chiang Mai - Le programme de santé a formé 120 volontaires de santé dans les villages du nord de la Thaïlande.";
    expect(askOne("How many village health volunteers has the health programme trained in northern Thailand?", "Santé", text).answer).toContain("120");
    const given = "Bruxelles - L'office humanitaire de la Commission européenne a donné 2 millions d'euros pour loger les réfugiés.";
    expect(askOne("Combien l'office humanitaire de la Commission européenne a-t-il donné pour loger les réfugiés ?", "Un don", given).answer).toContain("2 millions");
  });
});

describe("questions asking a cause", () => {
  it("are not answered by a release that gives none", () => {
    const none = "Beyrouth - Les deux explosions dans le port de Beyrouth ont laissé des milliers de travailleurs migrants sans emploi ni logement, selon l'OIM.";
    const some = "Beyrouth - Les deux explosions dans le port de Beyrouth, causées par l'incendie d'un entrepôt de nitrate d'ammonium, ont laissé des milliers de travailleurs migrants sans logement.";
    const ask = (text: string) => askOne("Quelle a été la cause des deux explosions survenues dans le port de Beyrouth ?", "Les travailleurs migrants au Liban", text);
    expect(ask(none).abstained).toBe(true);
    expect(ask(some).answer).toContain("nitrate d'ammonium");
  });
});

describe("questions asking an hour or a percentage", () => {
  it("are not answered by a release that gives none", () => {
    const none = "Tunis - Les garde-côtes tunisiens ont secouru 29 femmes migrantes au large des côtes du sud de la Tunisie, selon l'OIM.";
    expect(askOne("À quelle heure les garde-côtes tunisiens ont-ils secouru les femmes migrantes ?", "Sauvetage en mer", none).abstained).toBe(true);
    expect(askOne("À quelle heure les garde-côtes tunisiens ont-ils secouru les femmes migrantes ?", "Sauvetage en mer", `${none} Le sauvetage a eu lieu vers 4h45 du matin.`).answer).toContain("4h45");
    expect(askOne("Quel pourcentage des femmes secourues par les garde-côtes tunisiens était mineur ?", "Sauvetage en mer", none).abstained).toBe(true);
  });
});

describe("questions asking a measure", () => {
  it("are not answered by a release that gives none", () => {
    const none = "Lima - Les habitants de Huancavelica touchés par le séisme du 15 août ont reçu une aide d'urgence de l'OIM, grâce aux fonds débloqués par le CERF.";
    const some = `${none}\n\nLe séisme, de magnitude 7,9, a détruit 58 000 maisons.`;
    const ask = (text: string) => askOne("Quelle était la magnitude du séisme du 15 août qui a touché Huancavelica ?", "Aide d'urgence au Pérou", text);
    expect(ask(none).abstained).toBe(true);
    expect(ask(some).answer).toContain("magnitude 7,9");
  });
});

describe("questions asking a named thing by its noun", () => {
  it("are not answered by a release that mentions the thing without naming it", () => {
    const none = "San José - L'OIM intensifie ses interventions alors que le Nicaragua, le Guatemala et le Honduras font face aux conséquences de deux ouragans consécutifs, avec 750 000 dollars alloués.";
    const some = `${none}\n\nLes ouragans Eta et Iota ont touché la région à deux semaines d'intervalle.`;
    const ask = (text: string) => askOne("What were the names of the two consecutive hurricanes that hit Nicaragua, Guatemala and Honduras?", "Deux ouragans consécutifs", text);
    expect(ask(none).abstained).toBe(true);
    expect(ask(some).answer).toContain("Eta et Iota");
  });

  it("read the noun after the question word, in French and English", () => {
    const stems = (q: string, asked: AnswerType[]) => {
      const kind = kindAsked(q, asked);
      return [...(kind?.forms ?? []), ...(kind?.stems ?? [])];
    };
    expect(stems("Dans quel district l'OIM construit-elle des abris ?", ["place"])).toContain("district");
    expect(kindAsked("Which Georgian municipalities lost 40 percent of their population?", ["place"])).toMatchObject({ place: true });
    expect(stems("Who is IOM's chief of mission in the Central African Republic?", ["person"])).toContain("chef");
    expect(stems("Quelle compagnie aérienne a ramené les 45 Gambiens ?", [])).toContain("compagnie");
    expect(stems("Quel est le titre du rapport publié par l'OIM ?", ["title"])).toContain("rapport");
    expect(stems("At which airport did the Nigerian migrants flown home from Khartoum land?", ["place"])).toContain("aeroport");
    // any thing whose name is asked: « les noms des trois autres postes », « comment s'appellent les sites »
    expect(stems("Quels sont les noms des trois autres postes frontières ?", ["title"])).toContain("post");
    expect(stems("Comment s'appellent les sites de déplacement gérés par l'OIM ?", ["title"])).toContain("sit");
    // a noun that is not what is asked, or a question asking no named thing
    expect(kindAsked("Which think tank prepared IOM's report on reintegration?", ["organisation"])).toBeNull();
    expect(kindAsked("Qui a financé le rapport sur les remises de fonds ?", ["organisation"])).toBeNull();
    expect(kindAsked("What was Hurricane Dorian's death toll in the Bahamas?", ["count"])).toBeNull();
    expect(kindAsked("Dans quelle ville s'est tenu l'atelier ?", ["place"])).toBeNull();
  });

  it("take the words after « intitulé » for a title, and say nothing of a thing whose noun the release lacks", () => {
    const title = "Le rapport intitulé Migration, environnement et changement climatique : évaluer les données a été publié par l'OIM à Genève.";
    expect(askOne("Comment s'intitule l'étude de l'OIM sur la migration et le changement climatique publiée à Genève ?", "Un nouveau rapport", title).answer).toContain("évaluer les données");
    const slogan = "Cette campagne, financée par l'UE et intitulée « Les rues à l'étranger ne sont pas pavées de bonnes intentions ! Pensez-y avant de partir ! », vise les jeunes Géorgiens.";
    expect(askOne("Quel est le titre de la campagne d'information financée par l'UE pour les jeunes Géorgiens ?", "Une campagne en Géorgie", slogan).abstained).toBe(false);
    const text = "Entebbe - Des migrants expulsés de Tanzanie attendent sous la pluie près de la frontière ougandaise, a indiqué l'OIM.";
    expect(askOne("What is the name of the storyteller who met the migrants expelled from Tanzania near the Ugandan border?", "Migrants expulsés", text).abstained).toBe(false);
  });

  it("ask no name when the question asks what someone did or what kind of thing", () => {
    for (const q of ["What did the mayor of Lampedusa promise the displaced families?", "What type of boat did the migrants use to cross to Lampedusa?", "What kind of storm hit Haiti in October?", "What damage did the storm cause in Haiti?", "What role did the minister play in launching the programme?"]) {
      expect(kindAsked(q, []), q).toBeNull();
    }
    const stems = (q: string) => {
      const kind = kindAsked(q, ["title"]);
      return [...(kind?.forms ?? []), ...(kind?.stems ?? [])];
    };
    expect(stems("What was the name of the campaign launched by IOM in Ghana?")).toContain("campagn");
    expect(stems("What is the name of the boat rescued by the coast guard?")).toContain("bateau");
    expect(stems("Quel nom porte le camp ouvert par l'OIM près de Dollo Ado ?")).toContain("camp");
  });

  it("take a name where the release puts it: after « d' », opening a sentence, a few words away", () => {
    const district = (text: string) => askOne("Quel district du Pakistan est le plus touché par le séisme ?", "Séisme au Pakistan", text).abstained;
    expect(district("Le séisme a frappé le Pakistan. Le district le plus touché, celui d'Hérat, reçoit des tentes de l'OIM.")).toBe(false);
    expect(district("L'OIM a distribué des tentes à Mansehra et ailleurs au Pakistan. Mansehra est le district le plus touché par le séisme.")).toBe(false);
    expect(district("Le séisme a touché un district de la République centrafricaine et le Pakistan.")).toBe(true);
    expect(district("Le directeur a rappelé que ce district du Pakistan souffre beaucoup du séisme.")).toBe(true);
    // the release's word for a part of a country may be another than the reader's
    const provinces = askOne("Quelles provinces éthiopiennes ont connu des heurts entre communautés ?", "Heurts en Éthiopie", "Addis-Abeba - Des heurts entre communautés ont éclaté à la limite des régions d'Oromia et SNNP, en Éthiopie.");
    expect(provinces.answer).toContain("Oromia");
    // or in a list the noun introduces after a dash, further away
    const listed = askOne(
      "Quelles provinces éthiopiennes ont connu des heurts entre communautés ?",
      "Heurts en Éthiopie",
      "Dilla - Les heurts entre communautés le long de la frontière de deux régions éthiopiennes - celles des nations, nationalités et peuples du Sud (RNNPS) et Oromia - ont déplacé 800 000 personnes.",
    );
    expect(listed.answer).toContain("Oromia");
    expect(askOne("Quelles provinces éthiopiennes ont connu des heurts entre communautés ?", "Heurts en Éthiopie", "Dilla - Les heurts entre communautés dans deux régions éthiopiennes ont déplacé 800 000 personnes, selon les autorités d'Addis-Abeba et Oromia.").abstained).toBe(true);
    // the sentence naming it is quoted, not only the best one on the question
    const canton = askOne(
      "To which canton did the displaced group leaving Guiglo return in western Côte d'Ivoire?",
      "Retour de déplacés dans l'ouest",
      "Guiglo - Un groupe de 1255 déplacés a quitté Guiglo pour regagner l'ouest de la Côte d'Ivoire avec l'aide de l'OIM. Ils se sont réinstallés dans le canton de Goum-Blao.",
    );
    expect(canton.answer).toContain("Goum-Blao");
    // « villes » names localities too
    const towns = askOne(
      "Dans quelles localités de l'ouest ivoirien les premiers déplacés vont-ils être ramenés chez eux ?",
      "Aide au retour en Côte d'Ivoire",
      "Un premier groupe de 45 000 déplacés recevra de l'aide afin de retourner dans leurs villages et communautés dans les villes de Zouen Hounien, Bin-Houyé et Blolequin, à l'ouest du pays.",
    );
    expect(towns.answer).toContain("Blolequin");
    const airline = askOne("Quelle compagnie aérienne a ramené les 45 Gambiens depuis le Niger ?", "Retour de 45 Gambiens", "Niamey - Les 45 Gambiens ont quitté le Niger à bord d'un avion de la compagnie Royal Air Maroc.");
    expect(airline.answer).toContain("Royal Air Maroc");
  });

  it("leave a day asked to a day, and a count of the dead to a long sentence", () => {
    const closed = "Bagdad - Le camp de Zayouna, qui accueillait des familles chrétiennes déplacées, a fermé en mars 2019.";
    expect(askOne("À quelle date le camp de Zayouna a-t-il fermé ?", "Le camp de Zayouna", closed).answer).toContain("mars 2019");
    const weekly = "Bagdad - Dans le camp de Zayouna, les kits alimentaires de l'OIM sont distribués chaque mardi aux familles.";
    expect(askOne("On what day of the week are IOM food kits distributed in the Zayouna camp?", "Le camp de Zayouna", weekly).answer).toContain("mardi");
    const dead = "Genève - Au moins 5 000 migrants, dont de nombreux enfants venus d'Afrique de l'Ouest et de la Corne de l'Afrique, sont morts en Méditerranée en 2016, selon l'OIM.";
    expect(askOne("How many migrants died in the Mediterranean in 2016?", "Morts en Méditerranée", dead).answer).toContain("5 000");
    expect(answerSpec("Combien d'ambulances le Japon a-t-il donné à l'OIM au Népal ?").types).toEqual(["count"]);
    expect(answerSpec("Combien l'OIM a-t-elle mobilisé de volontaires au Népal ?").types).toEqual(["count"]);
  });

  it("take a work or an offensive by its noun, and an English noun through its translation", () => {
    const stems = (q: string) => {
      const kind = kindAsked(q, ["title"]);
      return [...(kind?.forms ?? []), ...(kind?.stems ?? [])];
    };
    // "the baby born to…": the participle ends the thing named, whose French word is looked for
    expect(stems("What was the name of the baby born to the migrant woman who arrived on Linosa?")).toEqual(expect.arrayContaining(["baby", "beb"]));
    expect(kindAsked("Quel était le nom de l'offensive lancée pour reprendre Mossoul ?", [])).toMatchObject({ any: false });
    const linosa = "Linosa - Près de 830 migrants sont arrivés de Libye sur l'île de Linosa. Une femme a donné naissance à un bébé en bonne santé, avec l'aide d'une équipe médicale italienne.";
    expect(askOne("What was the name of the baby born to the migrant woman who arrived on Linosa from Libya?", "Arrivées à Linosa", linosa).abstained).toBe(true);
    const named = `${linosa} La petite fille s'appelle Yasmine, a dit sa mère à l'équipe. Le bébé, Yasmine, se porte bien.`;
    expect(askOne("What was the name of the baby born to the migrant woman who arrived on Linosa from Libya?", "Arrivées à Linosa", named).answer).toContain("Yasmine");
    // operations that are never named name no offensive; a named one does
    const mosul = "Iraq - Plus d'un mois après le début des opérations militaires le 17 octobre pour reprendre Mossoul, près de 73 000 Iraquiens sont déplacés.";
    const ask = (text: string) => askOne("Quel était le nom de l'offensive militaire lancée le 17 octobre pour reprendre Mossoul ?", "Déplacements à Mossoul", text);
    expect(ask(mosul).abstained).toBe(true);
    expect(ask(`${mosul} L'offensive, baptisée Nous arrivons Ninive, a été lancée le 17 octobre pour reprendre Mossoul.`).answer).toContain("Ninive");
    // a work asked by « quel » or "which" may be answered without its name
    expect(askOne("Which offensive has displaced nearly 73,000 Iraqis according to IOM?", "Déplacements à Mossoul", `${mosul} L'offensive militaire lancée le 17 octobre pour reprendre Mossoul a déplacé 73 000 Iraquiens.`).abstained).toBe(false);
    expect(askOne("Quelles pièces d'identité les migrants vénézuéliens doivent-ils présenter pour obtenir le permis de séjour au Pérou ?", "Permis de séjour au Pérou", "Lima - Les migrants vénézuéliens obtiennent le permis de séjour au Pérou en présentant leur passeport ou leur carte d'identité nationale.").abstained).toBe(false);
    const show = "Banda Aceh - Le conteur Agus Nur Amal entreprend une tournée de paix de deux semaines dans 37 villages d'Aceh.";
    expect(askOne("Comment s'appelle le spectacle qu'Agus Nur Amal présente pendant sa tournée de paix à Aceh ?", "Des conteurs à Aceh", show).abstained).toBe(true);
  });

  it("find a name near the noun that the question does not already give, a country naming no district", () => {
    const q = analyzeQuery("Dans quel district du Pakistan l'OIM aide-t-elle 200 familles ?");
    const ask = (text: string) => extractiveAnswer({ query: q, passages: [passageOf("x", "Aide aux familles", text)], idf, releaseText: () => text }).abstained;
    expect(ask("L'OIM aide 200 familles dans le district de Mansehra, au Pakistan.")).toBe(false);
    expect(ask("L'OIM aide 200 familles dans un district du Pakistan.")).toBe(true);
    expect(ask("L'OIM aide 200 familles dans un district touché, au Bangladesh et au Pakistan.")).toBe(true);
    expect(ask("Au Pakistan, l'OIM aide 200 familles. Le district le plus touché par le séisme reçoit des tentes.")).toBe(true);
  });
});

describe("the rules for what the releases do not say", () => {
  it("leave questions the releases answer alone", () => {
    const visit = "Amman - Cette visite à la frontière nord de la Jordanie a permis aux ambassadeurs de saisir la réalité de l'afflux de réfugiés syriens.";
    expect(askOne("What was the outcome of the ambassadors' visit to Jordan's northern border?", "Visite d'ambassadeurs", visit).abstained).toBe(false);
    const car = "Bangui - En Centrafrique, après l'élection présidentielle qui a donné un nouveau président au pays, Faustin Touadéra, l'OIM réhabilite des infrastructures communautaires.";
    expect(askOne("Qui a remporté l'élection présidentielle en Centrafrique ?", "Bangui", car).answer).toContain("Faustin Touadéra");
    const colombo = "Manille - Le Processus de Colombo, qui réunit onze pays d'Asie, est actuellement présidé par le Népal.";
    expect(askOne("Who currently chairs the Colombo Process?", "Processus de Colombo", colombo).answer).toContain("Népal");
    const bentiu = "Bentiu - La population de déplacés internes du site de PoC de Bentiu, dans l'État d'Unité, s'élève à plus de 108 300 personnes.";
    expect(askOne("Quelle est la population de déplacés internes du site PoC de Bentiu ?", "Bentiu", bentiu).answer).toContain("108 300");
    const survey = "Bangui - Selon l'enquête, 99% des personnes interrogées ont cité l'insécurité comme cause principale de leur déplacement.";
    expect(askOne("Combien de personnes interrogées ont cité l'insécurité comme cause principale de leur déplacement ?", "Enquête en RCA", survey).answer).toContain("99%");
    const doctors = "Benghazi - Le Red Star One est arrivé avec 995 migrants et civils blessés. À bord, 11 médecins soignaient les blessés.";
    expect(askOne("Combien de médecins soignaient les blessés à bord du Red Star One ?", "Red Star One", doctors).answer).toContain("11 médecins");
    expect(analyzeQuery("Did the President of the UN General Assembly make a speech at the IOM Council?").task).toBe(false);
    // the weather a release tells, a displaced population, who attends, a fact asked « à votre avis »
    const rains = "Muzaffarabad - Les fortes précipitations de ces deux derniers jours ont aggravé la situation des survivants du séisme au Cachemire.";
    expect(askOne("Quel temps a-t-il fait au Cachemire après le séisme ?", "La mousson", rains).answer).toContain("fortes précipitations");
    const displaced = "Juba - Au Soudan du Sud, la population déplacée atteint désormais 1,8 million de personnes, selon l'OIM.";
    expect(askOne("Quelle est la population déplacée du Soudan du Sud ?", "Déplacements au Soudan du Sud", displaced).answer).toContain("1,8 million");
    const signing = "Montevideo - Diego Beltrand, directeur régional de l'OIM, était présent lors de la signature du mémorandum avec le Mercosur.";
    expect(askOne("Qui est présent lors de la signature du mémorandum avec le Mercosur ?", "Mémorandum avec le Mercosur", signing).answer).toContain("Diego Beltrand");
    for (const q of ["À votre avis, combien de migrants sont arrivés en Grèce en janvier ?", "Pensez-vous que l'OIM a aidé les migrants bloqués au Bélarus ?", "À votre avis, pourquoi les migrants quittent-ils la Thaïlande ?"]) expect(analyzeQuery(q).opinion, q).toBe(false);
    expect(analyzeQuery("Combien de personnes l'OIM recrute-t-elle pour le projet de cacao ?").personal).toBe(false);
    // people stranded in a capital are in its country (« bloqués en Libye »); an office there is in the town
    expect(analyzeQuery("How many Gambian migrants stranded in Tripoli did IOM help return?").concepts.find((c) => c.word === "tripoli")!.related).toBeDefined();
    expect(analyzeQuery("Quels critères pour choisir les municipalités du projet pilote en Géorgie ?").personal).toBe(false);
  });

  it("refuse what a conversation turns to: a letter to write, a word to translate, a country's head today", () => {
    for (const q of ["Thanks. Could you help me write a cover letter for a job at the UN?", "Super. Comment on dit « bonjour » en géorgien ?"]) expect(analyzeQuery(q).task, q).toBe(true);
    const text = "Marseille - Le directeur général de l'OIM inaugure un bureau en France, en présence du président de la région.";
    expect(askOne("By the way, who is the president of France?", "Un bureau à Marseille", text).abstained).toBe(true);
    expect(answerSpec("By the way, who opened the workshop?").types).toContain("person");
    // a result told of something else is no vote's (« les résultats d'un projet »)
    const project = "Bruxelles - L'OIM a présenté les résultats d'un projet en 2022. Abiy Ahmed est entré en fonction en avril 2022, peu avant l'élection présidentielle française.";
    expect(askOne("Who won the 2022 French presidential election?", "Résultats d'un projet", project).abstained).toBe(true);
  });

  it("still refuse the weather, an opinion and a winner asked otherwise", () => {
    // the weather to come is in no release, whatever it says of rains
    const rains = "Dakar - Les fortes pluies de la semaine ont inondé plusieurs quartiers de Dakar.";
    for (const q of ["Quel temps va-t-il faire à Dakar ce week-end ?", "Will it rain in Dakar tomorrow? What's the weather forecast?"]) expect(askOne(q, "Pluies à Dakar", rains).abstained, q).toBe(true);
    for (const q of ["À ton avis, est-ce qu'il y aura plus de migrants en Europe l'an prochain ?", "Do you think Europe should accept more refugees?"]) expect(analyzeQuery(q).opinion, q).toBe(true);
    expect(analyzeQuery("Il fait quel temps à Genève ?").concepts.find((c) => c.word === "meteo")?.asked).toBe(true);
    expect(analyzeQuery("Tu penses quoi de l'OIM ?").opinion).toBe(true);
    const text = "Quito - L'OIM observe le vote à l'étranger des Équatoriens lors de l'élection présidentielle de dimanche.";
    expect(askOne("Which candidate won the Ecuadorian presidential election?", "Vote à l'étranger", text).abstained).toBe(true);
  });
});

describe("the result of a vote", () => {
  it("is told in words of a result, not by a release announcing the vote", () => {
    const text = "Quito - L'OIM aura un statut d'observateur international lors du vote à l'étranger de ce week-end sur le référendum pour ratifier la nouvelle Constitution équatorienne.";
    for (const q of ["Quel a été le résultat du référendum sur la nouvelle Constitution équatorienne ?", "What was the outcome of the Ecuadorian referendum on the new Constitution?", "Qui a remporté le référendum sur la nouvelle Constitution équatorienne ?"]) expect(askOne(q, "Vote à l'étranger", text).abstained, q).toBe(true);
    const told = `${text} La nouvelle Constitution a été approuvée par 64 % des votants.`;
    expect(askOne("Quel a été le résultat du référendum sur la nouvelle Constitution équatorienne ?", "Vote à l'étranger", told).answer).toContain("64 %");
  });

  it("and a sum paid (\"How much is the UK paying…\") is asked as an amount, not a count of countries", () => {
    expect(answerSpec("How much is the UK paying for the second phase of the programme?").types).toEqual(["amount"]);
    const text = "Bangkok - Des experts de onze pays ont préparé la deuxième phase du programme de dépistage de la tuberculose financé par le Royaume-Uni.";
    expect(askOne("How much is the UK paying for the second phase of the tuberculosis screening programme?", "Dépistage de la tuberculose", text).abstained).toBe(true);
  });
});

describe("a count of people, dates", () => {
  it("is not given by a number of places, countries or meetings", () => {
    const experts = "Bangkok - Des experts de la tuberculose venus de onze pays se sont réunis pour planifier la deuxième phase du programme de dépistage des demandeurs de visa pour le Royaume-Uni.";
    const ask = (text: string) => askOne("Combien de demandeurs de visa pour le Royaume-Uni ont été dépistés pendant le programme pilote contre la tuberculose ?", "Dépistage de la tuberculose", text);
    expect(ask(experts).abstained).toBe(true);
    expect(ask(`${experts} Pendant la phase pilote, 12 000 demandeurs de visa pour le Royaume-Uni ont été dépistés.`).answer).toContain("12 000");
    const dili = "Dili - L'OIM a aidé des familles déplacées vivant dans trois des 48 camps de Dili à retourner chez elles.";
    expect(askOne("Combien de personnes vivaient encore dans les camps de Dili ?", "Retours à Dili", dili).abstained).toBe(true);
    // things asked by their count may go by another word: « États » — « 13 pays »
    const dakar = "Dakar - Des hauts fonctionnaires de 13 pays francophones d'Afrique de l'Ouest et du Centre se réunissent à Dakar contre le trafic de migrants.";
    expect(askOne("Combien d'États francophones ont envoyé des responsables à Dakar contre le trafic de migrants ?", "Réunion à Dakar", dakar).answer).toContain("13 pays");
    // things counted are answered by their count, whatever the word
    expect(askOne("Combien l'OIM a-t-elle ouvert de centres d'accueil au Niger ?", "Centres au Niger", "Niamey - L'OIM a ouvert six centres pour accueillir les migrants au Niger.").answer).toContain("six centres");
    expect(askOne("How many health facilities did IOM rehabilitate in Borno?", "Santé à Borno", "Maiduguri - L'OIM a réhabilité 14 centres de santé dans l'État de Borno.").answer).toContain("14 centres");
    // nor by a sum of money
    const appeal = "Nassau - Un mois après le passage de l'ouragan Dorian aux Bahamas, l'OIM lance un appel de 10 millions de dollars pour aider les sans-abri.";
    const homeless = "How many people were left homeless in the Bahamas by Hurricane Dorian?";
    expect(askOne(homeless, "Appel pour les Bahamas", appeal).abstained).toBe(true);
    expect(askOne(homeless, "Appel pour les Bahamas", `${appeal} L'ouragan Dorian a laissé 9 000 personnes sans abri aux Bahamas.`).answer).toContain("9 000");
    // nor by « des milliers », "hundreds of": an order of magnitude is no number
    const thousands = "Bangkok - Tandis que la Thaïlande ferme ses frontières, des milliers de travailleurs migrants cambodgiens sans emploi rentrent chez eux.";
    const cambodians = "How many Cambodian migrant workers went back home from Thailand?";
    expect(askOne(cambodians, "Retours de Thaïlande", thousands).abstained).toBe(true);
    expect(askOne(cambodians, "Retours de Thaïlande", `${thousands} Selon l'OIM, 43 000 travailleurs migrants cambodgiens sont rentrés chez eux en une semaine.`).answer).toContain("43 000");
    // nor by the number the question gives, written in words
    const wreck = "Aden - Cent soixante migrants éthiopiens sont rentrés du Yémen, un jour après qu'un naufrage a coûté la vie à des dizaines de migrants au large de Djibouti.";
    expect(askOne("What was the death toll of the shipwreck off Djibouti the day before 160 Ethiopian migrants flew home?", "Retours du Yémen", wreck).abstained).toBe(true);
    // the injured are counted beside their word: « d'autres personnes ont été blessées » gives no number
    const floods = "Muzaffarabad - Quatorze personnes ont été emportées hier par des glissements de terrain et d'autres personnes ont été blessées par des crues brutales.";
    const injured = "How many people were injured by the flash floods in Muzaffarabad?";
    expect(askOne(injured, "La mousson", floods).abstained).toBe(true);
    expect(askOne(injured, "La mousson", `${floods} Selon les autorités, 23 personnes ont été blessées par les crues.`).answer).toContain("23 personnes");
    // nor by embassies or interviews counted
    const envoys = "Jordanie - L'OIM a conduit une délégation de diplomates de 27 ambassades à la frontière nord de la Jordanie, par où entrent les réfugiés syriens.";
    expect(askOne("Combien de réfugiés syriens les garde-frontières ont-ils fait entrer le jour de la visite ?", "Visite à la frontière", envoys).abstained).toBe(true);
  });

  it("asking dates exactly, are answered by a release giving a day", () => {
    const ask = (text: string) => askOne("On which dates exactly does the Geneva symposium on displaced people's political rights take place?", "Colloque sur les droits politiques des déplacés", text);
    expect(ask("Des spécialistes se réuniront la semaine prochaine à Genève au colloque sur les droits politiques des personnes déplacées.").abstained).toBe(true);
    expect(ask("Des spécialistes se réuniront les 3 et 4 mai à Genève au colloque sur les droits politiques des personnes déplacées.").answer).toContain("3 et 4 mai");
  });
});

describe("concepts far apart", () => {
  it("do not make a long run-on sentence a candidate", () => {
    const far = "Nous avons quitté cette zone pour des terres situées dans les hauteurs où les familles ont reçu des bâches, des couvertures et des ustensiles de cuisine distribués par les équipes de l'OIM depuis le début du mois de mars";
    const near = "Les familles ont quitté les terres inondées en mars pour des abris de l'OIM.";
    const ask = (text: string) => askOne("Quelle est la vie sur la Terre en Mars ?", "Des familles déplacées", text);
    expect(ask(far).abstained).toBe(true);
    expect(ask(near).abstained).toBe(false);
  });
});

describe("follow-ups", () => {
  /** A follow-up over two releases, "a" the conversation's, "b" another ranked first. */
  const followUp = (input: { a: [string, string]; b: [string, string]; question: string; history: [string, string]; idf?: (stem: string) => number }) => {
    const texts: Record<string, string> = { a: input.a[1], b: input.b[1] };
    const passages = [passageOf("b", input.b[0], input.b[1]), passageOf("a", input.a[0], input.a[1], 0.9)];
    const query = analyzeQuery(input.question, [{ role: "user", content: input.history[0] }, { role: "assistant", content: input.history[1] }]);
    return extractiveAnswer({ query: { ...query, followUp: true }, passages, idf: input.idf ?? idf, focus: ["a"], releaseText: (id) => texts[id] ?? "" });
  };

  it("keep to the conversation's release for a question naming nothing of its own, even when another has its word", () => {
    const a = followUp({
      a: ["Un atelier régional", "L'OIM a organisé un atelier régional sur la migration de main-d'œuvre. L'atelier s'est déroulé à Dakar, à l'invitation du Gouvernement du Sénégal."],
      b: ["Une réunion annuelle", "La réunion annuelle des partenaires a été accueillie par le Gouvernement suisse à Genève."],
      question: "Qui l'a accueilli ?",
      history: ["Quel atelier régional l'OIM a-t-elle organisé sur la migration de main-d'œuvre ?", "Un atelier régional sur la migration de main-d'œuvre [1]."],
    });
    expect(a.citations.map((c) => c.releaseId)).toEqual(["a"]);
    expect(a.answer).toContain("Sénégal");
  });

  it("keep to the conversation's release when a demonstrative points at its things (« ces migrants »)", () => {
    const input = {
      a: ["Un million de migrants", "Bangkok - La campagne d'information s'adresse à un million de travailleurs migrants de trois pays voisins de la Thaïlande : le Myanmar, le Cambodge et le Laos."] as [string, string],
      b: ["L'Ukraine", "Chisinau - Les migrants qui viennent des pays voisins de l'Ukraine arrivent en Moldova par milliers."] as [string, string],
      history: ["C'est quoi la campagne « Un million de migrants » en Thaïlande ?", "Une campagne d'information pour un million de travailleurs migrants [1]."] as [string, string],
      // "viennent" is rare, "migrants" and "pays" common: the other release covers the question far better
      idf: (stem: string) => (stem.startsWith("vien") ? 3 : 0.5),
    };
    const these = followUp({ ...input, question: "Et ces migrants viennent de quels pays ?" });
    expect(these.citations.map((c) => c.releaseId)).toEqual(["a"]);
    expect(these.answer).toContain("Cambodge");
    // without it, three words another release covers far better start a new subject
    expect(followUp({ ...input, question: "Et les migrants viennent de quels pays ?" }).citations.map((c) => c.releaseId)).toContain("b");
  });

  it("keep to the conversation's release when they name two things another release covers better", () => {
    const a = followUp({
      a: ["Un camp de tentes", "Guiuan - L'OIM a installé un camp de tentes sur le campus de l'université de l'État du Samar oriental pour 98 familles. Les tentes sont un don de Médecins Sans Frontières."],
      b: ["Des tentes à Cebu", "Cebu - Les tentes livrées par l'OIM aux familles déplacées ont été livrées en un temps record."],
      question: "Who delivered the tents?",
      history: ["Where did IOM set up a tent camp on a university campus after Typhoon Haiyan?", "In Guiuan, on the campus of the Eastern Samar State University."],
      // "tents" is common, "delivered" rare: the other release covers the question far better
      idf: (stem) => (stem.startsWith("tent") ? 0.5 : 1.5),
    });
    expect(a.citations.map((c) => c.releaseId)).toEqual(["a"]);
    expect(a.answer).toContain("Médecins Sans Frontières");
  });
});


describe("questions asking for a number", () => {
  it("are not answered by a release that gives no number of that kind on the subject", () => {
    const releases: Record<string, string> = {
      t: "Turin - L'OIM et le Centre international de formation de l'OIT organisent cette semaine un atelier de formation sur la gestion de la migration au niveau local à Turin.",
    };
    const passages: Passage[] = [{ chunkId: "t#0", releaseId: "t", title: "Formation à Turin", source: "t.txt", location: "Turin", text: releases.t!, start: 0, end: releases.t!.length, fusedScore: 1 }];
    const text = (id: string) => releases[id] ?? "";
    const budget = extractiveAnswer({ query: analyzeQuery("Quel était le budget de l'atelier de formation sur la gestion de la migration à Turin ?"), passages, idf, releaseText: text });
    expect(budget.abstained).toBe(true);
    const who = extractiveAnswer({ query: analyzeQuery("Qui organise l'atelier de formation sur la gestion de la migration à Turin ?"), passages, idf, releaseText: text });
    expect(who.abstained).toBe(false);
  });
});

describe("a value the release on the question lacks", () => {
  const releases: Record<string, { title: string; text: string }> = {
    campaign: {
      title: "Campagne d'information de l'OIM pour les travailleurs du Myanmar sans papiers en Thaïlande",
      text: "Bangkok - L'OIM lance une campagne d'information massive en direction d'un million de travailleurs du Myanmar sans papiers en Thaïlande.\n\nLes travailleurs sans papiers doivent s'enregistrer avant la fin du délai de grâce.",
    },
    project: {
      title: "Myanmar : protection des migrants dans les chaînes d'approvisionnement",
      text: "Protection des travailleurs migrants du Myanmar en Thaïlande dans les chaînes d'approvisionnement.\n\nBudget du projet (USD) : 200000.00",
    },
  };
  const passages = [passageOf("campaign", releases.campaign!.title, releases.campaign!.text), passageOf("project", releases.project!.title, releases.project!.text, 0.9)];
  const text = (id: string) => releases[id]?.text ?? "";

  it("is not given by a release covering the question far less", () => {
    const a = extractiveAnswer({ query: analyzeQuery("Quel est le budget de la campagne d'information destinée au million de travailleurs du Myanmar sans papiers en Thaïlande ?"), passages, idf, releaseText: text });
    expect(a.abstained).toBe(true);
  });

  it("is lacking only when no sentence of the release gives one, not only none on the question", () => {
    const withBudget: Record<string, { title: string; text: string }> = { ...releases, campaign: { ...releases.campaign!, text: `${releases.campaign!.text}\n\nElle coûtera 300 000 dollars.` } };
    const t = (id: string) => withBudget[id]?.text ?? "";
    const ps = [passageOf("campaign", withBudget.campaign!.title, withBudget.campaign!.text), passageOf("project", releases.project!.title, releases.project!.text, 0.9)];
    const a = extractiveAnswer({ query: analyzeQuery("Quel est le budget de la campagne d'information destinée au million de travailleurs du Myanmar sans papiers en Thaïlande ?"), passages: ps, idf, releaseText: t });
    expect(a.abstained).toBe(false);
  });

  it("is given by the release the question is about", () => {
    const a = extractiveAnswer({ query: analyzeQuery("Quel est le budget du projet de protection des migrants du Myanmar dans les chaînes d'approvisionnement ?"), passages, idf, releaseText: text });
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.releaseId).toBe("project");
    expect(a.answer).toContain("200000.00");
  });
});

describe("a release without the question's heaviest word", () => {
  const text = "Damas - Quelque 422 autres réfugiés s'envoleront prochainement vers le Canada, la Suède et l'Australie.";
  const weights: Record<string, number> = { parrainag: 5, priv: 1, programm: 1, refug: 1.5, canad: 1.5 };
  const weighted = (s: string) => weights[s] ?? 1.5;
  const ask = (question: string) => extractiveAnswer({ query: analyzeQuery(question), passages: [passageOf("x", "Réinstallation depuis la Syrie", text)], idf: weighted, releaseText: () => text });

  it("does not answer when the words found weigh less than it", () => {
    expect(Object.keys(weights).every((s) => analyzeQuery("Comment fonctionne le programme de parrainage privé de réfugiés au Canada ?").concepts.some((c) => c.stems.includes(s)))).toBe(true);
    expect(ask("Comment fonctionne le programme de parrainage privé de réfugiés au Canada ?").abstained).toBe(true);
  });

  it("answers when they weigh more", () => {
    expect(ask("Combien de réfugiés partent de Damas vers le Canada ?").abstained).toBe(false);
  });

  it("finds a telephone asked under « Tel » (a contact's number)", () => {
    const contact = "Pour plus d'informations, veuillez contacter Jorge Galindo, siège de l'OIM, Tel : +41227179205, Email : jgalindo@iom.int";
    const heavy = (s: string) => (s === "telephon" ? 5 : 1.5);
    const a = extractiveAnswer({ query: analyzeQuery("Quel est le téléphone de Jorge Galindo ?"), passages: [passageOf("x", "Réunion à Panama", contact)], idf: heavy, releaseText: () => contact });
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("+41227179205");
  });

  it("« comment fonctionne », \"how does … work\" ask how: the verb names nothing", () => {
    expect(analyzeQuery("Comment fonctionne le programme de parrainage privé de réfugiés au Canada ?").concepts.map((c) => c.word)).toEqual(["programme", "parrainage", "prive", "refugies", "canada"]);
    expect(analyzeQuery("How does the private sponsorship programme work?").concepts.map((c) => c.word)).toEqual(["private", "sponsorship", "programme"]);
    expect(analyzeQuery("How does a migrant find work?").concepts.map((c) => c.word)).toContain("work");
    expect(analyzeQuery("Le centre fonctionne-t-il ?").concepts.map((c) => c.word)).toContain("fonctionne");
  });
});

describe("the session's rules, as the review found them", () => {
  it("read a contact asked by its words, not « tels que » as a telephone", () => {
    const q = analyzeQuery("Quel numéro de téléphone les familles déplacées en Haïti peuvent-elles appeler pour recevoir des bâches ?");
    expect(q.concepts.map((c) => c.word)).not.toContain("telephone");
    expect(q.concepts.map((c) => c.word)).not.toContain("numero");
    expect(q.concepts.some((c) => [...c.stems, ...(c.related ?? [])].includes("tel"))).toBe(false);
  });

  it("do not weigh an English word no release holds against the place found", () => {
    const text = "Près de 830 migrants africains arrivés de Libye sur l'île italienne de Linosa sont aujourd'hui transférés vers la Sicile.";
    // "landed" is in no release (its translation « atterr » is, rarely)
    const held: Record<string, number> = { migr: 1.5, linos: 3, atterr: 2 };
    const idf = (s: string) => held[s] ?? 6;
    const a = extractiveAnswer({ query: analyzeQuery("How many migrants landed on Linosa?"), passages: [passageOf("x", "Arrivées à Linosa", text)], idf, releaseText: () => text });
    expect(a.abstained).toBe(false);
  });

  it("find the verb of « comment … fonctionne-t-il » and \"how do … work\", and keep work that is work", () => {
    const words = (q: string) => analyzeQuery(q).concepts.map((c) => c.word);
    expect(words("How do the Kathmandu evacuation centres work?")).not.toContain("work");
    expect(words("How does the evacuation centre in Kathmandu work exactly?")).not.toContain("work");
    expect(words("Comment le Fonds de développement de l'OIM fonctionne-t-il ?")).not.toContain("fonctionne");
    expect(words("How does the Georgian project support seasonal work?")).toContain("work");
    expect(words("How did the Beirut explosion affect migrant domestic work?")).toContain("work");
  });

  it("take \"on the subject of…\" for a subject, not a word pointing back", () => {
    const history = [
      { role: "user" as const, content: "Combien de migrants éthiopiens sont rentrés du Yémen ?" },
      { role: "assistant" as const, content: "Plus de 2 100 [1]." },
    ];
    const q = analyzeQuery("What does IOM recommend on the subject of reintegration programmes?", history);
    expect(q.followUp).toBe(false);
  });

  it("count dwellings by their word (« 1 200 maisons », not a total of people)", () => {
    const q = "Combien de maisons se sont effondrées à Bagh lors des inondations ?";
    const text = "Bagh - Les inondations ont fait s'effondrer des maisons et menacent les 15 000 personnes déplacées par le séisme.";
    expect(askOne(q, "Inondations à Bagh", text).abstained).toBe(true);
    expect(askOne(q, "Inondations à Bagh", text.replace("ont fait s'effondrer des maisons", "ont fait s'effondrer 1 200 maisons")).abstained).toBe(false);
  });

  it("count vehicles and items by their word (« 12 camions », « 500 kits »)", () => {
    const q = "Combien de camions composaient le convoi de l'OIM parti de Port-au-Prince vers le sud ?";
    const text = "Port-au-Prince - Un convoi de l'OIM est parti vers le sud avec 2 000 familles sinistrées et de l'aide non alimentaire.";
    expect(askOne(q, "Convoi vers le sud", text).abstained).toBe(true);
    expect(askOne(q, "Convoi vers le sud", text.replace("Un convoi de l'OIM", "Un convoi de 12 camions de l'OIM")).abstained).toBe(false);
  });

  it("read « dont des femmes et des enfants » as no count of them", () => {
    const text = "Djibouti - Plus de 2 000 migrants africains, dont des femmes et des enfants, sont arrivés du Yémen au cours des trois dernières semaines.";
    expect(askOne("Combien d'enfants y avait-il parmi les plus de 2 000 migrants revenus du Yémen à Djibouti ?", "Retours du Yémen", text).abstained).toBe(true);
    expect(askOne("Combien d'enfants y avait-il parmi les plus de 2 000 migrants revenus du Yémen à Djibouti ?", "Retours du Yémen", text.replace("dont des femmes et des enfants", "dont 300 femmes et 120 enfants")).abstained).toBe(false);
  });

  it("read no age as the count of a part of a group", () => {
    const text =
      "Népal - Cette semaine, 108 000 réfugiés bhoutanais ont été réinstallés depuis le Népal, dont 75 000 aux Etats-Unis.\n\nTilak Chand Ghimire, 44 ans, sa femme, sa fille et son fils ont quitté le camp pour les Etats-Unis.";
    const a = askOne("Combien de femmes parmi les réfugiés bhoutanais réinstallés aux Etats-Unis depuis le Népal ?", "Réfugiés bhoutanais", text);
    expect(a.abstained).toBe(true);
  });
});

describe("words a reader uses for the release's", () => {
  it("find « s'exprimant », « inauguration », « polyvalent » for « pris la parole », « lancement », « multifonction »", () => {
    const text =
      "Katmandou - S'exprimant lors d'une cérémonie d'inauguration hier, la coordonnatrice des Nations Unies pour le Népal a salué le nouveau centre d'évacuation polyvalent de Bungamati.";
    const a = askOne("Quelle représentante de l'ONU au Népal a pris la parole lors du lancement de l'abri multifonction de Bungamati ?", "Un centre polyvalent au Népal", text);
    expect(a.abstained).toBe(false);
    const related = analyzeQuery("Qui a pris la parole lors du lancement de l'abri multifonction ?").concepts.flatMap((c) => c.related ?? []);
    expect(related).toEqual(expect.arrayContaining(["exprim", "inaugur", "polyvalent"]));
  });
});

describe("words of a follow-up that name nothing", () => {
  it("leave « ça », « là-bas », « au nom de », \"on behalf of\" out of its concepts", () => {
    const words = (q: string) => analyzeQuery(q).concepts.map((c) => c.word);
    expect(words("Ça se passait où ?")).toEqual(["passait"]);
    expect(words("Et combien restent coincés là-bas ?")).toEqual(["restent", "coinces"]);
    expect(words("Qui a parlé au nom de l'organisation ?")).toEqual(["parle", "organisation"]);
    expect(words("Who signed on behalf of the government?")).toEqual(["signed", "government"]);
    // "still", "already", "yet" as « encore », « déjà »
    expect(words("How many people are still missing?")).toEqual(["people", "missing"]);
    // the Netherlands stays; the noun of a name asked is the kind asked
    expect(words("Combien de migrants aux Pays-Bas ?")).toContain("bas");
    expect(words("Quel est le nom de l'opération ?")).toEqual(["operation"]);
  });

  it("read « en » or « y » before a verb as pointing back (« Combien de voyageurs vont en profiter ? »)", () => {
    const history = [{ role: "user" as const, content: "Quand le point de passage de Palanca rénové par l'OIM a-t-il été mis en service ?" }];
    expect(analyzeQuery("Combien de voyageurs par an vont en profiter ?", history).followUp).toBe(true);
    expect(analyzeQuery("Combien de voyageurs par an passent par le point de passage de Palanca ?", history).followUp).toBe(false);
  });

  it("find « arrivés » for « accosté »", () => {
    expect(analyzeQuery("Ils ont accosté où exactement ?").concepts.flatMap((c) => c.related ?? [])).toContain("arriv");
  });

  it("find « a déclaré » for « s'est exprimé »", () => {
    const text = "Indonésie - Le dernier groupe de marins victimes de traite se prépare à rentrer au pays. « Le départ de ces hommes mettra fin à un chapitre », a déclaré Mark Gretchell, chef de mission de l'OIM en Indonésie.";
    expect(askOne("Qui, à l'OIM, s'est exprimé sur le départ des derniers marins victimes de traite en Indonésie ?", "Retour de marins", text).answer).toContain("Mark Gretchell");
    expect(analyzeQuery("Qui s'est exprimé sur le départ des marins ?").concepts.flatMap((c) => c.related ?? [])).toContain("declar");
  });

  it("find « ouvrira » for \"opening\"", () => {
    expect(analyzeQuery("And who's opening it?").concepts.flatMap((c) => c.stems)).toContain("ouvr");
  });

  it("find « a déclaré » for « a parlé »", () => {
    const history = [
      { role: "user" as const, content: "Que demandait l'OIM au Dialogue de haut niveau à New York ?" },
      { role: "assistant" as const, content: "Elle appelait les dirigeants à surmonter leurs divergences [1]." },
    ];
    const related = analyzeQuery("Qui a parlé au nom de l'organisation ?", history).concepts.flatMap((c) => c.related ?? []);
    expect(related).toContain("declar");
  });
});

describe("several countries asked", () => {
  const question = "Which eight African countries sent diplomatic staff to the Tunis meeting on alternatives to migrant detention in Libya?";
  it("are named by the release answering, not only counted", () => {
    const counted = "Tunis - L'OIM et ses partenaires ont réuni des diplomates de huit pays africains accrédités en Libye pour discuter des alternatives à la détention des migrants.";
    expect(askOne(question, "Alternatives à la détention", counted).abstained).toBe(true);
    const named = counted.replace("de huit pays africains", "de huit pays africains (Niger, Mali, Tchad, Soudan, Nigéria, Ghana, Gambie et Sénégal)");
    expect(askOne(question, "Alternatives à la détention", named).abstained).toBe(false);
  });

  it("count names after an article, and no article or conjunction as a country", () => {
    expect(askOne("Quels sont les deux pays concernés par le programme de retour ?", "Programme de retour", "Le Niger et le Mali sont concernés par le programme de retour.").abstained).toBe(false);
    expect(askOne("Which eight African countries does the return programme cover?", "Programme de retour", "Le programme de retour couvre notamment le Niger.").abstained).toBe(true);
    expect(askOne("Which two United Nations agencies led the response to the floods?", "Inondations", "L'OIM et le HCR, deux agences des Nations Unies, ont mené la réponse aux inondations.").abstained).toBe(false);
  });

  it("without their number, may be answered by regions (« pays d'Amérique centrale et des Caraïbes »)", () => {
    const text = "Panama City - L'atelier a rassemblé les autorités chargées de la migration originaires de pays d'Amérique centrale, d'Amérique du Nord et des Caraïbes.";
    expect(askOne("Quels pays ont participé à l'atelier de Panama sur la migration ?", "Atelier au Panama", text).abstained).toBe(false);
  });

  it("include small states (« Tonga, Vanuatu et Tuvalu »)", () => {
    const text = "Le projet de l'OIM sur les rapatriements de fonds des travailleurs migrants du Pacifique a bénéficié aux Tonga, au Vanuatu et aux Tuvalu.";
    expect(askOne("Which three Pacific countries benefited from IOM's remittances project for migrant workers?", "Rapatriements de fonds dans le Pacifique", text).abstained).toBe(false);
  });
});

describe("a count asked of a country", () => {
  it("is given beside the country's name, not only by a sentence naming it", () => {
    const text = "Athènes - Fin avril, 12 496 demandeurs d'asile avaient été réinstallés depuis la Grèce dans l'UE.\n\nLa France est le principal pays d'accueil.";
    const q = "Combien de demandeurs d'asile venus de Grèce la France a-t-elle accueillis dans le cadre du plan de réinstallation de l'UE ?";
    expect(askOne(q, "Réinstallations depuis la Grèce", text).abstained).toBe(true);
    expect(askOne(q, "Réinstallations depuis la Grèce", text.replace("La France est le principal pays d'accueil.", "La France en a accueilli 3 250.")).abstained).toBe(false);
    expect(askOne("Combien de réfugiés colombiens le Brésil, le Chili et l'Argentine ont-ils accueillis ?", "Réfugiés colombiens", "Le Brésil, le Chili et l'Argentine en ont accueilli 111.").abstained).toBe(false);
  });

  it("finds the country under its adjective or its capital", () => {
    expect(askOne("Combien de réfugiés l'Australie a-t-elle réinstallés ?", "Réinstallation", "Canberra - Les autorités australiennes ont réinstallé 12 000 réfugiés cette année.").abstained).toBe(false);
    expect(askOne("Combien de réfugiés le Canada a-t-il réinstallés ?", "Le Canada réinstalle des réfugiés", "Ottawa - Le pays a réinstallé 25 000 réfugiés cette année.").abstained).toBe(false);
  });
});
