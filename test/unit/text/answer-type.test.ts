import { describe, expect, it } from "vitest";
import { answerSpec, hasPreciseDate, typeMatches } from "../../../lib/text/answer-type";
import { stem } from "../../../lib/text/normalize";

describe("answer types of a question", () => {
  it("reads a count and what is counted, in French and English", () => {
    const fr = answerSpec("Combien d'enfants ont été réinstallés en Australie ?");
    expect(fr.types).toEqual(["count"]);
    expect(fr.counted).toContain(stem("enfants"));
    const en = answerSpec("How many children were resettled?");
    expect(en.types).toEqual(["count"]);
    // the English noun is matched through its French translation
    expect(en.counted).toContain(stem("enfants"));
  });

  it("reads no date in a \"when\" or « quand » clause after another question word", () => {
    expect(answerSpec("Which areas of Pakistan were families fleeing when IOM sent out its rapid response teams?").types).toEqual(["place"]);
    expect(answerSpec("Quel ministre a parlé quand le centre a ouvert ?").types).toEqual(["person"]);
    expect(answerSpec("When did IOM open the centre?").types).toEqual(["date"]);
    expect(answerSpec("Where and when was the workshop held?").types).toEqual(["place", "date"]);
    expect(answerSpec("C'était quel mois ?").types).toEqual(["date"]);
    expect(answerSpec("In which month did the clashes start?").types).toEqual(["date"]);
    expect(answerSpec("In which city, and when, did the meeting take place?").types).toEqual(["place", "date"]);
    expect(answerSpec("Since when has IOM's International Dialogue on Migration been running?").types).toEqual(["date"]);
    // a date asked of its own, after a comma or in another sentence
    expect(answerSpec("Qui a signé l'accord, quand et où ?").types).toContain("date");
    expect(answerSpec("Who signed the agreement with Niger? When was it signed?").types).toContain("date");
    expect(answerSpec("What was the date when the first convoy arrived in Aden?").types).toEqual(["date"]);
    expect(answerSpec("Which areas of cooperation does the agreement cover?").types).not.toContain("place");
    expect(answerSpec("Which city in the U.S. did the families reach when they fled?").types).toEqual(["place"]);
    expect(answerSpec("Vers quelles villes les familles ont-elles fui, quand Boko Haram a attaqué ?").types).toEqual(["place"]);
    expect(answerSpec("Où l'accord a-t-il été signé, et quand ?").types).toEqual(["place", "date"]);
  });

  it("reads two things asked at once, in the order asked", () => {
    expect(answerSpec("Où et quand l'atelier aura-t-il lieu ?").types).toEqual(["place", "date"]);
    expect(answerSpec("À quelle heure et où la cérémonie commence-t-elle ?").types).toEqual(["time", "place"]);
  });

  it("splits a question asking a second thing after « et » / « and »", () => {
    expect(answerSpec("Where did he die, and how old was he?").parts).toMatchObject({ first: ["place"], second: ["age"] });
    // with the words only the second question has (stemmed, with their French words)
    expect(answerSpec("Combien de réfugiés arrivent chaque jour, et combien attendent encore ?").parts).toEqual({ first: ["count"], second: ["count"], secondStems: [stem("attendent")] });
    expect(answerSpec("Fin mai 2017, combien de migrants sont arrivés, et combien à la même date en 2016 ?").parts?.secondStems).toEqual(["date", "2016"].map((w) => stem(w)));
    // no auxiliary ("eu" is no « UE »)
    expect(answerSpec("Combien de migrants sont arrivés en 2016, et combien y en a-t-il eu en 2017 ?").parts?.secondStems).toEqual(["2017"]);
    expect(answerSpec("Combien de migrants sont arrivés en Italie, et combien dans l'UE ?").parts?.secondStems).toContain("ue");
    expect(answerSpec("Combien de Malawites sont rentrés, et quel projet les a aidés ?").parts?.second).toEqual([]);
    expect(answerSpec("Qui finance l'atelier et les formations ?").parts).toBeNull();
  });

  it("tells amounts, ages, durations and percentages from plain counts", () => {
    expect(answerSpec("Quel montant le Japon a-t-il versé ?").types).toEqual(["amount"]);
    expect(answerSpec("How much money did Japan give?").types).toContain("amount");
    expect(answerSpec("Combien coûtent les 50 vols affrétés par l'OIM ?").types).toEqual(["amount"]);
    expect(answerSpec("À quel âge est-il décédé ?").types).toEqual(["age"]);
    expect(answerSpec("Combien de temps dure la formation ?").types).toEqual(["duration"]);
    expect(answerSpec("Quel pourcentage des migrants sont des femmes ?").types).toEqual(["percent"]);
    // a rate asked is a percentage
    expect(answerSpec("Quel taux de participation a été enregistré chez les Équatoriens de l'étranger ?").types).toEqual(["percent"]);
    // "how long" in kilometres, or of a border, asks a measure
    expect(answerSpec("And how long is the journey, in kilometres?").types).toEqual(["measure"]);
    expect(answerSpec("How long is the border between Haiti and the Dominican Republic?").types).toEqual(["measure"]);
    expect(answerSpec("How long did the journey take?").types).toEqual(["duration"]);
    expect(answerSpec("How long does the 500 km walk from Cúcuta to Bogota take?").types).toEqual(["duration"]);
    // not a rate of arrivals, nor why a turnout was low
    expect(answerSpec("At what rate are migrants arriving on the Greek islands?").types).not.toContain("percent");
    expect(answerSpec("Pourquoi le taux de participation a-t-il été faible ?").types).not.toContain("percent");
  });

  it("asks for a title, a funder or a person", () => {
    expect(answerSpec("Comment s'appelle le bateau affrété par l'OIM ?").types).toEqual(["title"]);
    expect(answerSpec("What is the title of the report?").types).toEqual(["title"]);
    expect(answerSpec("Qui finance l'atelier de Panama ?").types).toEqual(["organisation"]);
    expect(answerSpec("Qui est le chef de mission de l'OIM en Indonésie ?").types).toContain("person");
    expect(answerSpec("Quel est le slogan de la campagne d'information ?").types).toEqual(["title"]);
    // a funding word in a clause about something else does not make "who" a funder
    expect(answerSpec("Qui a présidé la cérémonie sur les projets financés par le Japon ?").types).toEqual(["person"]);
    expect(answerSpec("Who paid for the Red Star One voyages?").types).toEqual(["organisation"]);
    expect(answerSpec("What is the title of the report published with funding from the IOM Development Fund?").types).toEqual(["title"]);
    expect(answerSpec("What projects did the EU fund in Niger?").types).not.toContain("organisation");
    expect(answerSpec("Which country funded the centre?").types).toContain("organisation");
    // the name of someone asked by their role is a person's
    expect(answerSpec("Comment s'appelle la Directrice générale adjointe de l'OIM ?").types).toContain("person");
    expect(answerSpec("What is the name of the governor of Bangkok?").types).toContain("person");
    expect(answerSpec("Comment s'appelle le bateau affrété par l'OIM ?").types).not.toContain("person");
  });

  it("asks for a measure (area, weight, distance) apart from a plain count, and reads a death toll as a count", () => {
    expect(answerSpec("How large is the first plot of land prepared by IOM?").types).toEqual(["measure"]);
    expect(answerSpec("Combien de tonnes de matériel médical l'OIM a-t-elle reçues ?").types).toEqual(["measure"]);
    expect(answerSpec("What death toll did IOM cite?").types).toEqual(["count"]);
    expect(answerSpec("What death toll did IOM cite?").counted).toContain("mort");
    // figurative words ask for no measure, and a « bilan » is a toll only of the dead
    expect(answerSpec("Quelle formation à distance l'OIM propose-t-elle ?").types).toEqual([]);
    expect(answerSpec("Quel bilan l'OIM tire-t-elle de la conférence ?").types).toEqual([]);
    expect(answerSpec("Quel est le bilan humain du séisme ?").types).toEqual(["count"]);
    expect(answerSpec("Quelle est la superficie du premier terrain aménagé ?").types).toEqual(["measure"]);
    expect(typeMatches("La première parcelle, de 5 hectares, a reçu 100 tonnes de matériel et 300 familles.", "measure", " ").map((m) => m.text)).toEqual(["5 hectares", "100 tonnes"]);
  });

  it("reads the kind asked from the noun after « quel » / « which » (places, people, groups, causes, magnitudes)", () => {
    expect(answerSpec("To which Brazilian cities were the migrants relocated?").types).toEqual(["place"]);
    expect(answerSpec("In which district is the project carried out?").types).toEqual(["place"]);
    expect(answerSpec("Dans quels villages l'OIM a-t-elle construit des puits ?").types).toEqual(["place"]);
    expect(answerSpec("Quels artistes se sont produits au festival ?").types).toEqual(["person"]);
    expect(answerSpec("Which IOM chief of mission was quoted?").types).toEqual(["person"]);
    expect(answerSpec("Quelle somme l'agence a-t-elle débloquée ?").types).toEqual(["amount"]);
    expect(answerSpec("What nationality were most of them?").types).toEqual(["place"]);
    expect(answerSpec("Quelle est l'enveloppe du projet pilote ?").types).toEqual(["amount"]);
    // nouns and verbs that ask none of these
    expect(answerSpec("Quelle est l'origine des migrants ?").types).not.toContain("reason");
    expect(answerSpec("Which groups are most vulnerable?").types).not.toContain("organisation");
    expect(answerSpec("What did the director announce?").types).not.toContain("person");
    expect(answerSpec("De quelle nationalité étaient-ils ?").types).toEqual(["place"]);
    expect(answerSpec("Which IOM office ran the project?").types).toEqual([]);
    expect(answerSpec("Quel groupe armé est responsable de l'attaque ?").types).toEqual(["organisation"]);
    expect(answerSpec("Quelle a été la cause des deux explosions ?").types).toEqual(["reason"]);
    expect(answerSpec("What were the names of the two hurricanes?").types).toEqual(["title"]);
    expect(answerSpec("Quelle était la magnitude du séisme du 15 août ?").types).toEqual(["measure"]);
    // a magnitude describing the earthquake is not asked
    expect(answerSpec("Where did the magnitude 7.5 earthquake strike?").types).toEqual(["place"]);
    expect(typeMatches("Un séisme de magnitude 7,8 a frappé le pays ; il a mesuré 6,2 sur l'échelle de Richter.", "measure", " ").map((m) => m.text)).toEqual(["magnitude 7,8", "6,2 sur l'échelle de Richter"]);
    expect(typeMatches("Trois millions d'hectares de terres ont été abandonnés.", "measure", " ").map((m) => m.text)).toEqual(["Trois millions d'hectares"]);
  });

  it("does not take « ou » (or) for « où » (where), nor a relative « qui » for who", () => {
    expect(answerSpec("Le projet concerne-t-il les réfugiés ou les migrants ?").types).not.toContain("place");
    expect(answerSpec("Combien de migrants qui rentraient de Libye ont été aidés ?").types).not.toContain("person");
  });
});

describe("values of a kind in a sentence", () => {
  const q = "combien d'enfants ?";
  it("takes no body for the person of a role asked (\"Which official…\"), as it does for \"who\"", () => {
    const sentence = "Hier, l'OIM en Libye a évacué 142 migrants sénégalais de Misurata via l'aéroport de Djerba.";
    expect(typeMatches(sentence, "person", " which senegalese official met the migrants ")).toEqual([]);
    expect(typeMatches(sentence, "person", " qui a evacue les migrants ").map((m) => m.text)).toEqual(["OIM"]);
    // "official" of a thing asks no person
    expect(typeMatches("L'Agence nationale de lutte contre la traite (ANLTP) coordonne la réponse au Niger.", "person", " which official body coordinates the migration response in niger ").length).toBeGreaterThan(0);
  });

  it("finds counts, amounts, titles and times, not what the question already says", () => {
    expect(typeMatches("Parmi eux, 1 200 enfants ont été accueillis.", "count", q).map((m) => m.text.trim())).toEqual(["1 200"]);
    expect(typeMatches("Le Japon a versé 5 millions de dollars à l'OIM.", "amount", q)).toHaveLength(1);
    expect(typeMatches("Le rapport « Migration et climat » est publié.", "title", q)[0]!.text).toBe("« Migration et climat »");
    // a title after « intitulé », unquoted, unless the question gives it
    const entitled = "Le rapport intitulé Migration, environnement et changement climatique : évaluer les données, publié par l'OIM, est en ligne.";
    expect(typeMatches(entitled, "title", " comment s intitule le rapport ").map((m) => m.text)).toEqual(["Migration, environnement et changement climatique : évaluer les données, publié par l'OIM, est en ligne"]);
    expect(typeMatches("Le livre intitulé Small Victories, publié en 2009, suit des mineurs démobilisés.", "title", " in the book small victories what s the name of the young mother ")).toEqual([]);
    expect(typeMatches("Le rapport, dont l'intitulé n'a pas encore été dévoilé, sera publié en mai.", "title", " x ")).toEqual([]);
    // a quoted title sharing the question's words is one
    expect(typeMatches("La campagne « Migration irrégulière : parlons-en » est lancée.", "title", " comment s appelle la campagne contre la migration irreguliere ")).toHaveLength(1);
    expect(typeMatches("La cérémonie commence à 10 h 30 au port.", "time", q)).toHaveLength(1);
    expect(typeMatches("En 2019, l'OIM a aidé les migrants.", "date", "que s'est-il passé en 2019 ?")).toEqual([]);
  });

  it("tells a day from a year or a month alone", () => {
    for (const t of ["les 3 et 4 octobre", "le 15 août", "On October 3, IOM", "cette semaine (20-24/11)"]) expect(hasPreciseDate(t), t).toBe(true);
    for (const t of ["depuis 2006", "en octobre 2013", "Mars 2013", "le 3e Dialogue"]) expect(hasPreciseDate(t), t).toBe(false);
  });

  it("counts thousands written with a space, not the numbers of a date, an age or an hour", () => {
    expect(typeMatches("Plus de 2 000 migrants sont arrivés en 2019.", "count", " ").map((m) => m.text)).toEqual(["2 000"]);
    expect(typeMatches("Un discours prononcé cette semaine (05/09), le 15 août, par des enfants de huit ans, à 4h45, devant 300 étudiants.", "count", " ").map((m) => m.text)).toEqual(["300"]);
  });

  it("does not count a number that names something (COVID-19, G-7)", () => {
    expect(typeMatches("La pandémie de COVID-19 a bloqué des migrants au sommet du G-7.", "count", q)).toEqual([]);
    expect(typeMatches("La COVID-19 a bloqué 19 migrants.", "count", q).map((m) => m.text)).toEqual(["19"]);
  });

  it("does not take a place named in capitals for a person", () => {
    expect(typeMatches("Central African Republic - L'atelier a eu lieu à Bangui.", "person", " who led the workshop ")).toEqual([]);
    expect(typeMatches("Souleymane Sanogo a animé l'atelier.", "person", " who led the workshop ").map((m) => m.text)).toEqual(["Souleymane Sanogo"]);
    expect(typeMatches("Le projet de stabilisation en République centrafricaine (RCA) est financé.", "person", " who led the workshop ")).toEqual([]);
    expect(typeMatches("La RDC et le Japon ont financé le projet.", "organisation", " qui a finance ").map((m) => m.text)).not.toContain("RDC");
  });

  it("reads no age in how long ago or how long", () => {
    expect(typeMatches("Il y a trois ans, il s’est installé sous le pont.", "age", " ")).toEqual([]);
    expect(typeMatches("Depuis deux ans, il vit sous le pont.", "age", " ")).toEqual([]);
    expect(typeMatches("Doy Sen, 24 ans, vit sous un pont.", "age", " ").map((m) => m.text)).toEqual(["24 ans"]);
  });

  it("finds an amount whose currency names its field", () => {
    expect(typeMatches("Budget Amount (USD) : 300000.00", "amount", " ").map((m) => m.text)).toEqual(["USD) : 300000.00"]);
  });

  it("finds a share written in words", () => {
    expect(typeMatches("Plus d’un migrant irrégulier sur cinq est arrivé par voie terrestre.", "percent", " ").map((m) => m.text)).toEqual(["un migrant irrégulier sur cinq"]);
    expect(typeMatches("La moitié des ménages vivent dans des camps.", "percent", " ").map((m) => m.text)).toEqual(["La moitié"]);
    expect(typeMatches("One in three children was out of school.", "percent", " ").map((m) => m.text)).toEqual(["One in three"]);
    expect(typeMatches("Un atelier de trois jours a réuni 20 experts.", "percent", " ")).toEqual([]);
  });

  it("finds a first and last name run together after a role", () => {
    const sentence = "L'annonce de la fermeture de grandes entreprises par le gouverneur de Bangkok, AswinKwanmuang, le 21 mars.";
    expect(typeMatches(sentence, "person", " who is the governor ").map((m) => m.text).join(" ")).toContain("AswinKwanmuang");
    expect(typeMatches("Les migrants utilisent WhatsApp pour rester en contact.", "person", " who ")).toEqual([]);
  });

  it("gives the word index of each value", () => {
    const [m] = typeMatches("L'OIM a aidé 300 familles.", "count", q);
    expect(m!.word).toBe(3);
  });
});
