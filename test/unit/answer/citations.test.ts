import { describe, expect, it } from "vitest";
import { checkedPrefix, dropUnknownMarkers, markersOf, neutraliseMarkers, support, SUPPORT_THRESHOLD, verifyCitations } from "../../../lib/answer/citations";
import type { Citation } from "../../../lib/types";

function source(n: number, passage: string, title = `Communiqué ${n}`): Citation {
  return { n, releaseId: `r${n}`, title, source: `r${n}.txt`, location: null, passage, score: 1 - n / 10 };
}

const PANAMA =
  "L’atelier a été organisé dans le cadre d’un projet mis en œuvre par le Bureau de l’OIM au Panama et financé par le Fonds de l'OIM pour le développement.";
const COSTA_RICA = "Le Costa Rica et l'OIM ont signé un accord sur la migration de main-d'œuvre en 2019.";
const GUIDE = "L'OIM a publié un guide sur la santé des migrants destiné aux agents consulaires.";
const SOURCES = [source(1, PANAMA, "Atelier régional au Panama"), source(2, COSTA_RICA), source(3, GUIDE)];

describe("markersOf", () => {
  it("lists marker numbers in order of first appearance, without repeats", () => {
    expect(markersOf("A [2]. B [1][3]. C [2].")).toEqual([2, 1, 3]);
  });

  it("ignores text without markers and non-numeric brackets", () => {
    expect(markersOf("Aucune source. [a] [] [-1]")).toEqual([]);
  });

  it("reads two-digit markers", () => {
    expect(markersOf("Voir [12] et [3].")).toEqual([12, 3]);
  });
});

describe("dropUnknownMarkers", () => {
  it("keeps valid markers and removes the others", () => {
    expect(dropUnknownMarkers("A [1]. B [7]. C [2][9].", new Set([1, 2]))).toBe("A [1]. B. C [2].");
  });

  it("tidies the spaces a removed marker leaves before punctuation", () => {
    expect(dropUnknownMarkers("Financé par le Fonds [4] , puis étendu [5] .", new Set([1]))).toBe("Financé par le Fonds, puis étendu.");
  });

  it("leaves a text with only valid markers unchanged", () => {
    const text = "L'atelier a eu lieu au Panama [1].";
    expect(dropUnknownMarkers(text, new Set([1, 2]))).toBe(text);
  });
});

describe("support", () => {
  it("is 1 when every content term of the claim is in the passage", () => {
    expect(support("L'atelier est financé par le Fonds de l'OIM pour le développement [1].", PANAMA)).toBe(1);
  });

  it("is robust to inflection", () => {
    expect(support("Les ateliers ont été organisés au Panama.", PANAMA)).toBeGreaterThanOrEqual(SUPPORT_THRESHOLD);
  });

  it("is low for a claim the passage does not contain", () => {
    expect(support("Le sommet a eu lieu sur la Lune [1].", PANAMA)).toBeLessThan(SUPPORT_THRESHOLD);
  });

  it("requires numbers to match", () => {
    expect(support("Accord signé en 2019.", COSTA_RICA)).toBe(1);
    expect(support("Accord signé en 2021.", COSTA_RICA)).toBeLessThan(1);
  });

  it("is 1 for a claim without content terms", () => {
    expect(support("[1]", PANAMA)).toBe(1);
  });
});

describe("markers", () => {
  it("reads and drops 3-digit markers too", () => {
    expect(markersOf("a [1] b [123].")).toEqual([1, 123]);
    expect(dropUnknownMarkers("Financé [123].", new Set([1]))).toBe("Financé.");
  });

  it("neutralises the bracketed numbers of quoted release text", () => {
    expect(neutraliseMarkers("Le Fonds [2] et [ 12 ] puis [abc]")).toBe("Le Fonds (2) et ( 12 ) puis [abc]");
  });

  it("shows of a text being generated only the start of its checked form", () => {
    const valid = new Set([1]);
    expect(checkedPrefix("Financé par le Fonds [", valid)).toBe("Financé par le Fonds");
    expect(checkedPrefix("Financé par le Fonds [9", valid)).toBe("Financé par le Fonds");
    expect(checkedPrefix("Financé par le Fonds [9]", valid)).toBe("Financé par le Fonds");
    expect(checkedPrefix("Financé par le Fonds [1] ", valid)).toBe("Financé par le Fonds [1]");
    const whole = "Financé par le Fonds [9] , puis étendu [1].";
    for (let cut = 0; cut <= whole.length; cut++) expect(dropUnknownMarkers(whole, valid).startsWith(checkedPrefix(whole.slice(0, cut), valid))).toBe(true);
  });
});

describe("verifyCitations", () => {
  it("checks sentences without a marker too: those no source backs are returned", () => {
    const out = verifyCitations({ text: "L'atelier est financé par le Fonds de l'OIM pour le développement [1]. Le président des États-Unis a visité Tokyo.", sources: SOURCES });
    expect(out.uncited).toEqual(["Le président des États-Unis a visité Tokyo."]);
    expect(verifyCitations({ text: "L'atelier est financé par le Fonds de l'OIM pour le développement [1].", sources: SOURCES }).uncited).toEqual([]);
  });

  it("keeps supported citations and marks them supported", () => {
    const out = verifyCitations({ text: "L'atelier est financé par le Fonds de l'OIM pour le développement [1].", sources: SOURCES });
    expect(out.text).toBe("L'atelier est financé par le Fonds de l'OIM pour le développement [1].");
    expect(out.citations).toHaveLength(1);
    expect(out.citations[0]).toMatchObject({ n: 1, releaseId: "r1", supported: true });
  });

  it("removes markers to unknown sources", () => {
    const out = verifyCitations({ text: "L'atelier a eu lieu au Panama [1][7]. Un accord a été signé [9].", sources: SOURCES });
    expect(out.text).toBe("L'atelier a eu lieu au Panama [1]. Un accord a été signé.");
    expect(out.citations.map((c) => c.n)).toEqual([1]);
  });

  it("marks a citation unsupported when a sentence citing it is not backed by its passage", () => {
    const out = verifyCitations({ text: "Le sommet a eu lieu sur la Lune [1].", sources: SOURCES });
    expect(out.citations).toEqual([expect.objectContaining({ n: 1, supported: false })]);
  });

  it("checks each cited source separately", () => {
    const out = verifyCitations({
      text: "Le Costa Rica et l'OIM ont signé un accord sur la migration de main-d'œuvre [2][3].",
      sources: SOURCES,
    });
    expect(out.citations.map((c) => [c.n, c.supported])).toEqual([
      [2, true],
      [3, false],
    ]);
  });

  it("uses the source title as evidence too", () => {
    const out = verifyCitations({ text: "Un atelier régional s'est tenu au Panama [1].", sources: SOURCES });
    expect(out.citations[0]?.supported).toBe(true);
  });

  it("drops uncited sources and keeps the sources' (relevance) order, not the order of citing", () => {
    const out = verifyCitations({
      text: "L'OIM a publié un guide sur la santé des migrants [3]. L'atelier a été financé par le Fonds de l'OIM pour le développement [1].",
      sources: SOURCES,
    });
    expect(out.citations.map((c) => c.n)).toEqual([1, 3]);
    expect(out.citations.every((c) => c.supported)).toBe(true);
  });

  it("returns no citation for a text without markers", () => {
    expect(verifyCitations({ text: "L'atelier a eu lieu au Panama.", sources: SOURCES }).citations).toEqual([]);
  });

  it("guarantees every marker has a citation and every citation is cited", () => {
    const out = verifyCitations({ text: "A Panama [1][5]. Accord [2] [0]. Guide [3][11].", sources: SOURCES });
    const cited = markersOf(out.text).sort();
    expect(out.citations.map((c) => c.n).sort()).toEqual(cited);
    expect(cited).toEqual([1, 2, 3]);
  });

  it("does not change its inputs", () => {
    const sources = SOURCES.map((s) => ({ ...s }));
    verifyCitations({ text: "Le sommet a eu lieu sur la Lune [1].", sources });
    expect(sources).toEqual(SOURCES);
  });
});
