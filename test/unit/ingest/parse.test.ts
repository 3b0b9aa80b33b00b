import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { learnNavProfile, navEnd } from "../../../lib/ingest/boilerplate";
import { decodeRelease } from "../../../lib/ingest/decode";
import { joinFieldValues } from "../../../lib/ingest/clean";
import { parseRelease } from "../../../lib/ingest/parse";

const DIR = join(__dirname, "../../../data/releases");
const files = readdirSync(DIR).sort();
const texts = files.map((f) => decodeRelease(readFileSync(join(DIR, f)), ".txt").text);
const profile = learnNavProfile(texts);
const releases = files.map((f, i) => parseRelease({ releaseId: f.replace(/\.txt$/, ""), source: f, text: texts[i]!, profile }));
const byId = (id: string) => releases.find((r) => r.releaseId.startsWith(id))!;

const NAV_LINES = [
  "Qui sommes nous", "Structure organisationnelle", "Directrice générale", "Notre travail", "Ce que nous faisons",
  "Partenariats", "Où travaillons-nous", "Travailler avec nous", "Engagez-vous", "Données et recherche", "2030 AGENDA",
  "Bureau du Chef de Cabinet",
];

describe("cleaning the sample releases", () => {
  it("reads all five samples", () => expect(releases).toHaveLength(5));

  it.each(files)("%s keeps no navigation line", (f) => {
    const r = releases[files.indexOf(f)]!;
    for (const nav of NAV_LINES) {
      expect(r.text).not.toContain(nav);
      expect(r.title).not.toContain(nav);
    }
    expect(r.text).not.toMatch(/^-$/m);
  });

  it("reads titles from the first line after the navigation", () => {
    expect(byId("000").title).toBe("L’OIM organise un atelier régional sur la migration et les objectifs de développement durable au Panama");
    expect(byId("001").title).toBe("L’OIM et le parlement d’Amérique latine acceptent de coopérer en matière de migration");
    expect(byId("002").title).toMatch(/^L’OIM, le FNUAP et les partenaires des Nations Unies lancent une publication/);
    expect(byId("003").title).toBe("Le Directeur général de l’OIM assistera au Sommet ibéro-américain");
    expect(byId("004").title).toBe("Les autorités locales à Turin sont formées à la gouvernance des migrations");
  });

  it("reads dateline places", () => {
    expect(byId("000").location).toBe("Panama City");
    expect(byId("001").location).toBe("Costa Rica");
    expect(byId("002").location).toBe("États-Unis d'Amérique");
    expect(byId("003").location).toBeNull();
    expect(byId("004").location).toBe("Turin");
  });

  it("joins the hard-wrapped lines of release 003", () => {
    const r = byId("003");
    expect(r.text).toContain(
      "Le Directeur général de l’OIM, Brunson McKinley, assistera cette semaine au XVIème Sommet ibéro-américain qui se tiendra dans la capitale uruguayenne, Montevideo.",
    );
    expect(r.text).toContain("au rôle que jouent les remises de fonds » explique Brunson McKinley.");
    // no paragraph of the body ends mid-sentence with a lower-case continuation
    for (const p of r.text.split("\n\n")) expect(p).not.toMatch(/^[a-zà-ÿ]/);
  });

  it("removes HTML debris and keeps the address", () => {
    const r = byId("003");
    expect(r.text).not.toContain("mailto:");
    expect(r.text).not.toContain('">');
    expect(r.text).toContain("iommontevideo@iom.int");
    expect(r.contacts.emails).toEqual(["iommontevideo@iom.int"]);
  });

  it("extracts contacts", () => {
    expect(byId("000").contacts).toEqual({ emails: ["jgallo@iom.int"], phones: ["+506 2212-5352"] });
    expect(byId("004").contacts.emails).toEqual(["jgalindo@iom.int"]);
  });

  it("never removes body text of a release without navigation", () => {
    const body = "Titre du communiqué\nGenève - Premier paragraphe du communiqué, assez long pour être un vrai paragraphe de texte courant.\nDeuxième paragraphe.";
    const r = parseRelease({ releaseId: "x", source: "x.txt", text: body, profile });
    expect(r.title).toBe("Titre du communiqué");
    expect(r.location).toBe("Genève");
    expect(r.text).toContain("Deuxième paragraphe.");
  });
});

describe("a project page's fields", () => {
  it("keep a number alone on its line with the field it is the value of", () => {
    expect(joinFieldValues(["Date de début", "2020", "Statut du projet", "Achevé", "Budget Amount (USD)", "300000.00", "Le projet a pris fin.", "2 000"])).toEqual([
      "Date de début : 2020",
      "Statut du projet",
      "Achevé",
      "Budget Amount (USD) : 300000.00",
      "Le projet a pris fin.",
      "2 000",
    ]);
  });
});

describe("navigation learned from a corpus", () => {
  const nav = ["Accueil", "Actualités", "Nous contacter", "- Menu principal"];
  const corpus = Array.from({ length: 6 }, (_, i) =>
    [...nav, `Titre ${i}`, `Paragraphe numéro ${i} du corps du texte, assez long pour ressembler à un paragraphe réel d'un communiqué.`].join("\n"),
  );
  const p = learnNavProfile(corpus);

  it("strips lines shared by most releases of another site", () => {
    expect(navEnd(corpus[0]!.split("\n"), p)).toBe(4);
    const r = parseRelease({ releaseId: "a", source: "a.txt", text: corpus[2]!, profile: p });
    expect(r.title).toBe("Titre 2");
  });

  it("does not strip a shared line that appears late in the body", () => {
    const text = ["Titre", "Un long paragraphe de texte courant qui ouvre le communiqué et dépasse largement quatre-vingts caractères.", "Accueil"].join("\n");
    expect(navEnd(text.split("\n"), p)).toBe(0);
  });
});

describe("decoding", () => {
  it("decodes Windows-1252 bytes with a warning", () => {
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9]); // "Café" in cp1252
    const d = decodeRelease(bytes, ".txt");
    expect(d.text).toBe("Café");
    expect(d.warnings[0]).toMatch(/UTF-8/);
  });

  it("refuses empty and binary files", () => {
    expect(() => decodeRelease(new Uint8Array(), ".txt")).toThrow(/empty/);
    expect(() => decodeRelease(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), ".txt")).toThrow(/binary/);
  });

  it("keeps the text of HTML, without scripts and styles", () => {
    const html = "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><h1>Titre</h1><p>Genève - Texte <a href='x'>lien</a>.</p></body></html>";
    const d = decodeRelease(new TextEncoder().encode(html), ".html");
    expect(d.text).toContain("Titre");
    expect(d.text).toContain("Genève - Texte lien.");
    expect(d.text).not.toContain("alert");
    expect(d.text).not.toContain("color");
  });
});

describe("a page without a heading", () => {
  it("keeps the opening paragraph in the body and makes a title of its first sentence", () => {
    const long = "Cette année se tiendra la vingtième édition du Dialogue international sur la migration. Depuis 2001, cette enceinte permet à de multiples parties prenantes du monde entier de débattre.";
    const r = parseRelease({ releaseId: "p", source: "p.txt", text: `${long}\nDeuxième paragraphe.`, profile: learnNavProfile([]) });
    expect(r.title).toBe("Cette année se tiendra la vingtième édition du Dialogue international sur la migration.");
    expect(r.text.startsWith(long)).toBe(true);
  });
});

describe("markdown and HTML releases", () => {
  it("reduces Markdown to text", () => {
    const md = "# Titre du communiqué\n\nGenève - L'**OIM** a publié un [rapport](https://example.org) ![logo](x.png) sur la _migration_.\n\n---\n> Citation";
    const d = decodeRelease(new TextEncoder().encode(md), ".md");
    const r = parseRelease({ releaseId: "m", source: "m.md", text: d.text, profile: learnNavProfile([]) });
    expect(r.title).toBe("Titre du communiqué");
    expect(r.location).toBe("Genève");
    expect(r.text).toContain("L'OIM a publié un rapport sur la migration.");
    expect(r.text).toContain("Citation");
    expect(r.text).not.toMatch(/[#*[\]()]|https?:/);
  });

  it("drops the page chrome of HTML (nav, header, footer, aside)", () => {
    const html = "<body><header>Menu</header><nav><a href='/'>Accueil</a></nav><main><h1>Titre</h1><p>Texte du communiqué.</p></main><aside>Voir aussi</aside><footer>© OIM</footer></body>";
    const d = decodeRelease(new TextEncoder().encode(html), ".htm");
    expect(d.text).toContain("Titre");
    expect(d.text).toContain("Texte du communiqué.");
    for (const chrome of ["Menu", "Accueil", "Voir aussi", "© OIM"]) expect(d.text).not.toContain(chrome);
  });
});
