import { describe, expect, it } from "vitest";
import { findPassageRanges, segment, splitParagraphs } from "@/app/components/highlight";

const text = "Premier paragraphe.\n\nL’atelier a été organisé au Panama.  Il a été financé\npar le Fonds de l’OIM. Autre chose.\n\nFin.";
const slices = (ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe("findPassageRanges", () => {
  it("finds the whole passage despite whitespace, case and apostrophe differences", () => {
    const ranges = findPassageRanges(text, "l'atelier a été organisé au Panama. Il a été financé par le Fonds de l'OIM.");
    expect(slices(ranges)).toEqual(["L’atelier a été organisé au Panama.  Il a été financé\npar le Fonds de l’OIM."]);
  });

  it("falls back to the sentences that are found", () => {
    const ranges = findPassageRanges(text, "L’atelier a été organisé au Panama. Une phrase absente du texte. Autre chose.");
    expect(slices(ranges)).toEqual(["L’atelier a été organisé au Panama.", "Autre chose."]);
  });

  it("highlights each excerpt of a passage joined by « […] »", () => {
    const ranges = findPassageRanges(text, "Premier paragraphe. […] Autre chose.");
    expect(slices(ranges)).toEqual(["Premier paragraphe.", "Autre chose."]);
  });

  it("finds nothing for an absent or empty passage", () => {
    expect(findPassageRanges(text, "Rien de tel ici.")).toEqual([]);
    expect(findPassageRanges(text, "   ")).toEqual([]);
  });
});

describe("splitParagraphs and segment", () => {
  it("splits on blank lines and cuts marked segments inside a paragraph", () => {
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      "Premier paragraphe.",
      "L’atelier a été organisé au Panama.  Il a été financé\npar le Fonds de l’OIM. Autre chose.",
      "Fin.",
    ]);
    const marks = findPassageRanges(text, "Autre chose.");
    const second = paragraphs[1]!;
    expect(segment(text, second, marks)).toEqual([
      { text: "L’atelier a été organisé au Panama.  Il a été financé\npar le Fonds de l’OIM. ", marked: false },
      { text: "Autre chose.", marked: true },
    ]);
  });
});
