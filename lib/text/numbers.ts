/**
 * Numbers of a folded text as their digits, to tell whether a release holds a number a question
 * names. Pure.
 */

/**
 * Numbers written in figures: "12,000", "12 000" and "12 000e" all read "12000" (thousands
 * groups join their number; decimals and other separators part it, "3,5" reads "3" and "5",
 * the same on both sides; times read as their hours and minutes, "4h45" and "4:45" alike).
 */
export function figuresOf(folded: string): string[] {
  const out: string[] = [];
  // times read as their two numbers alike: "4h45", "4:45" (folded "4 45")
  folded = folded.replace(/(\d)h(\d)/g, "$1 $2");
  // a number of 1–3 digits and its groups of three, or any other run of digits; a letter suffix
  // ("000e", "1er") goes; "12 millions" reads 12000000 as "12 000 000" does
  for (const m of folded.matchAll(/(?<![\p{L}\p{N}])(\d{1,3}(?: \d{3}(?![\p{N}]))+|\d+)\p{L}*(?: (millions?|milliards?|million|billion)(?![\p{L}]))?/gu)) {
    const digits = m[1]!.replace(/ /g, "");
    out.push(m[2] ? `${digits}${m[2].startsWith("milliard") || m[2] === "billion" ? "000000000" : "000000"}` : digits);
  }
  return out;
}

/**
 * The figures of a question a release must hold: those above ten (smaller ones are often
 * written in words, "trois familles"), without leading zeros.
 */
export function requiredFigures(folded: string): string[] {
  return [...new Set(figuresOf(folded).map(noLeadingZeros).filter((f) => Number(f) > 10))];
}

/** Every number of a release's folded text: in figures, in French words ("cent soixante") and in Roman ordinals ("XVIIIème"). */
export function numbersOf(folded: string): Set<string> {
  const out = new Set([...figuresOf(folded), ...figuresOf(folded.replace(/ (?:millions?|milliards?|billion)(?![\p{L}])/gu, " "))].map(noLeadingZeros));
  const ws = folded.trim().split(" ");
  let total = 0;
  let current = 0;
  let inNumber = false;
  const flush = () => {
    if (inNumber) out.add(String(total + current));
    total = 0;
    current = 0;
    inNumber = false;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ordinalBase(ws[i]!);
    const unit = UNITS.get(w);
    if (unit !== undefined) {
      // "quatre vingt" is 80 ("cent quatre vingts" 180); "vingt deux" is 22
      const below = current % 100;
      current = w.startsWith("vingt") && below > 0 && below < 10 ? current - below + below * 20 : current + unit;
      inNumber = true;
    } else if ((w === "cent" || w === "cents") && ws[i - 1] !== "pour" && ws[i - 1] !== "per") {
      current = (current || 1) * 100;
      inNumber = true;
    } else if (w === "mille") {
      total += (current || 1) * 1000;
      current = 0;
      inNumber = true;
    } else if (w === "et" && inNumber && UNITS.has(ordinalBase(ws[i + 1] ?? ""))) {
      continue;
    } else {
      flush();
      const roman = /^([ivxlc]{2,})(?:e|eme)$/.exec(ws[i]!);
      if (roman && !NOT_ROMAN.has(ws[i]!)) {
        const value = romanValue(roman[1]!);
        if (value) out.add(String(value));
      }
    }
  }
  flush();
  return out;
}

const UNITS = new Map(
  Object.entries({
    un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
    quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  }),
);

/** French ordinals read as their number ("huitieme" → "huit", "cinquieme" → "cinq", "neuvieme" → "neuf"). */
function ordinalBase(w: string): string {
  if (!w.endsWith("ieme")) return w;
  const base = w.slice(0, -4);
  return base === "cinqu" ? "cinq" : base === "neuv" ? "neuf" : UNITS.has(base) ? base : UNITS.has(`${base}e`) ? `${base}e` : base;
}

/** Words of Roman-numeral letters that are French words ("clé", "lié", "vice"). */
const NOT_ROMAN = new Set(["cle", "lie", "vice", "ce", "le", "cie"]);

/** The value of a well-formed Roman numeral, or 0. */
function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1] ?? ""] ?? 0;
    total += a < b ? -a : a;
  }
  return toRoman(total) === s ? total : 0;
}

function toRoman(n: number): string {
  const table: [number, string][] = [[100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}

function noLeadingZeros(f: string): string {
  return f.replace(/^0+(?=\d)/, "");
}
