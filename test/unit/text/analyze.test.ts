import { describe, expect, it } from "vitest";
import { detectLanguage, terms } from "../../../lib/text/analyze";
import { fold, stem, words } from "../../../lib/text/normalize";
import { analyzeQuery } from "../../../lib/text/query";

describe("French-aware analysis", () => {
  it("folds accents, ligatures and apostrophes", () => expect(fold("Œuvre À l’ÉTÉ")).toBe("oeuvre a l'ete"));
  it("removes elisions", () => expect(words("l’atelier d'experts qu’il jusqu'à aujourd'hui")).toEqual(["atelier", "experts", "il", "a", "aujourdhui"]));
  it("stems inflections together", () => {
    expect(stem(fold("financé"))).toBe(stem("financement"));
    expect(stem("ateliers")).toBe(stem("atelier"));
    expect(stem("migrants")).toBe("migr");
    expect(stem(fold("rapatriés"))).toBe("rapatr");
  });
  it("drops stop words", () => expect(terms("Qui a financé l'atelier de Panama ?")).toEqual(["financ", "ateli", "panam"]));
  it("detects the question language", () => {
    expect(detectLanguage("What did IOM sign with the Latin American Parliament?")).toBe("en");
    expect(detectLanguage("Qui finance l'atelier de Panama ?")).toBe("fr");
  });
  it("translates English concepts for the offline search", () => {
    const q = analyzeQuery("Who funds the Panama workshop?");
    const workshop = q.concepts.find((c) => c.word === "workshop")!;
    expect(workshop.stems).toContain(stem("atelier"));
    expect(q.lexicalText).toContain("atelier");
  });
  it("folds a follow-up question into the previous turn", () => {
    const q = analyzeQuery("Et qui l'a financé ?", [
      { role: "user", content: "Qu'organise l'OIM au Panama ?" },
      { role: "assistant", content: "Un atelier régional [1]" },
    ]);
    expect(q.followUp).toBe(true);
    expect(q.lexicalText).toContain("Panama");
  });
});

describe("names in questions", () => {
  const entities = (q: string) => analyzeQuery(q).concepts.filter((c) => c.entity).map((c) => c.word);
  it("writes ordinals as numbers", () => {
    expect(words("le deuxième Dialogue, the second dialogue, le 2ème, 2nd, XVIème")).toEqual(["le", "2e", "dialogue", "the", "2e", "dialogue", "le", "2e", "2e", "xvieme"]);
    expect(words("les sept premiers jours, la première semaine")).toEqual(["les", "sept", "1e", "jours", "la", "1e", "semaine"]);
  });
  it("marks capitalised words, acronyms and years, not the opening word", () => {
    expect(entities("Qui finance l'atelier de Panama en 2019 ?")).toEqual(["panama", "2019"]);
    expect(entities("Combien de migrants l'OIM a-t-elle aidés ?")).toEqual(["oim"]);
    // institution words ("Summit") are not names
    expect(entities("Where is the Ibero-American Summit held?")).toEqual(["ibero", "american"]);
    // nor the common words of a body's name, which a French release words otherwise ("Centre d'aide aux migrants")
    expect(entities("In which town is the IOM Migration Response Centre of Djibouti?")).toEqual(["iom", "djibouti"]);
  });
  it("ignores words inside a quoted title", () => {
    expect(entities("Que dit le communiqué « Le Directeur général de l’OIM » ?")).toEqual([]);
  });
  it("drops the noun of the kind of thing asked and the language a name is asked in", () => {
    const concepts = (q: string) => analyzeQuery(q).concepts.map((c) => c.word);
    expect(concepts("What's the full English name of the network behind that project?")).toEqual(["full", "network", "project"]);
    expect(concepts("Et les débats portent sur quel thème ?")).toEqual(["debats", "portent"]);
    expect(concepts("Quel est le nom du bateau ?")).toEqual(["bateau"]);
    expect(concepts("Quel est le titre du rapport en anglais ?")).toEqual(["rapport"]);
    // not a name or a language the question is about
    expect(concepts("Which topic did the English delegation raise?")).toEqual(["english", "delegation", "raise"]);
    expect(concepts("Qui a donné son nom au centre ?")).toEqual(["donne", "nom", "centre"]);
    expect(concepts("What was Title 42 and when did the United States stop using it at the border?")).toContain("title");
  });
  it("reads « la capitale haïtienne », « la capitale du Soudan », \"the Sudanese capital\" as the capital's name", () => {
    const haiti = analyzeQuery("Combien de personnes ont fui les violences dans la capitale haïtienne ?");
    expect(haiti.lexicalText).toContain("port au prince");
    // a capital of several words is searched, not matched word by word ("princ" would be « principal »)
    expect(haiti.concepts.find((c) => c.word === "capitale")!.related ?? []).not.toContain("princ");
    expect(analyzeQuery("How far from the Sudanese capital is the camp?").concepts.find((c) => c.word === "capital")!.related).toContain("khartoum");
    expect(analyzeQuery("Que fait l'OIM dans la capitale du Soudan ?").lexicalText).toContain("khartoum");
    // another capital: economic, of a region, of South Sudan
    for (const q of ["What does IOM do in the economic capital of Nigeria?", "How many people fled to the capital of the Somali region of Ethiopia?", "Que fait l'OIM dans la capitale du Soudan du Sud ?"]) {
      expect(analyzeQuery(q).lexicalText, q).not.toMatch(/abuja|mogadiscio|mogadishu|addis|khartoum|juba/);
    }
  });
  it("translates English place names", () => {
    const q = analyzeQuery("What did IOM do in Ivory Coast?");
    const ivory = q.concepts.find((c) => c.word === "ivory")!;
    expect(ivory.entity).toBe("name");
    expect(ivory.stems).toContain("ivoir");
  });
});

describe("what kind of answer is asked", () => {
  const intent = (q: string) => analyzeQuery(q).intent;
  it("reads the question, not a quoted title", () => {
    expect(intent("Que dit le communiqué « L'atelier financé par le Fonds » ?")).toBe("summary");
    expect(intent("What does the release “Funding for Panama” say?")).toBe("summary");
    expect(intent("Qui finance l'atelier de Panama ?")).toBe("funding");
    expect(intent("Combien de pays composent le Parlatino ?")).toBe("howMany");
    expect(intent("How long is the training in Turin?")).toBe("howLong");
    expect(intent("Quand le sommet aura-t-il lieu ?")).toBe("when");
    expect(intent("Qui préside le Parlatino ?")).toBe("who");
  });
});

describe("multi-word places", () => {
  it("asks for the whole French name, so « Nations Unies » is not « États-Unis »", () => {
    for (const q of ["What does IOM do in the United States?", "Que fait l'OIM aux États-Unis ?"]) {
      const c = analyzeQuery(q).concepts.find((x) => x.word === "unis" || x.word === "united")!;
      expect(c.entity, q).toBe("name");
      expect(c.place, q).toBe("etats unis");
    }
  });
});
