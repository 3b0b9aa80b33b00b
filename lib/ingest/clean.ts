/** Line-level cleaning of release bodies: HTML debris, entities, hard wraps. Pure. */
import { decodeHTMLStrict } from "entities";

/**
 * Removes leftovers of HTML markup from a text line. Entities are decoded first, so markup
 * written as entities (`&lt;script&gt;`) is removed like any other: no markup comes out.
 */
export function stripDebris(line: string): string {
  return (
    line
      .replace(/&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (m) => decodeHTMLStrict(m))
      // "mailto:x@y">x@y  →  x@y   (an anchor whose start tag was cut)
      .replace(/"?mailto:([^"\s>]+)"?\s*>\s*(?:\1)?/gi, "$1")
      // href="…">label  →  label
      .replace(/(?:<a\s[^>]*)?\bhref\s*=\s*"[^"]*"\s*>/gi, "")
      .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, "")
      // a tag cut by the end of the line
      .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?$/gi, "")
      .replace(/<!--.*?(?:-->|$)/g, "")
      .replace(/[\u00a0\u2007\u202f]/g, " ")
      .replace(/[\u200b-\u200d\ufeff]/g, "")
      .replace(/[ \t]+/g, " ")
      .trim()
  );
}

const TERMINAL = /[.!?:;»”"…)\]]$/;
const LIST_ITEM = /^(?:[-–—•*]|\d+[.)])\s/;

/**
 * Joins lines that were hard-wrapped inside a paragraph. In a text that is wrapped throughout
 * (most lines short and without final punctuation), any line not ending a sentence continues on
 * the next; elsewhere only a line followed by a lower-case start is joined.
 */
export function joinHardWraps(lines: string[]): string[] {
  const wrapped = isHardWrapped(lines);
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const label = prev !== undefined && /(?:^|\s)[\p{L}.-]{1,12} ?:$/u.test(prev) && line.length < 80;
    const continues =
      prev !== undefined &&
      (label || !TERMINAL.test(prev)) &&
      !LIST_ITEM.test(line) &&
      !LIST_ITEM.test(prev) &&
      (wrapped ? prev.length >= 25 || /^[a-zà-ÿ(«"]/.test(line) : /^[a-zà-ÿ]/.test(line));
    if (continues) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

/**
 * A number alone on its line is the value of the field named on the line before (a project
 * page's "Budget Amount (USD)" then "300000.00", « Date de début » then « 2020 »): written as
 * one line, « Budget Amount (USD) : 300000.00 », it is a sentence that says something.
 */
export function joinFieldValues(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    // not a list's number ("2."), nor after a paragraph ending as a sentence or a quotation does
    if (prev !== undefined && /^\d[\d\s.,]*\d$|^\d$/.test(p) && /[\p{L}\d)]$/u.test(prev)) out[out.length - 1] = `${prev} : ${p}`;
    else out.push(p);
  }
  return out;
}

function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 6) return false;
  const unfinished = lines.filter((l) => l.length < 100 && !TERMINAL.test(l) && !LIST_ITEM.test(l)).length;
  const long = lines.filter((l) => l.length > 200).length;
  return unfinished / lines.length >= 0.5 && long / lines.length < 0.1;
}
