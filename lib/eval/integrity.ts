import { markersOf } from "../answer/citations";
import { GAP } from "../answer/extractive";
import type { Answer } from "../types";

const QUOTED = /(?:«\s?([^«»]+?)\s?»|“([^“”]+?)”)\s*\[(\d{1,2})\]/g;

/**
 * Citation integrity of an answer: every [n] marker has a citation, every citation is cited,
 * every quoted sentence followed by [n] is verbatim in citation n's passage (a quoted release
 * title counts too), and every passage is verbatim in its release. Returns the problems found. Pure.
 */
export function integrityProblems(answer: Answer, releaseText: (releaseId: string) => string | undefined): string[] {
  const problems: string[] = [];
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  const markers = markersOf(answer.answer);
  for (const n of markers) if (!byN.has(n)) problems.push(`marker [${n}] has no citation`);
  for (const c of answer.citations) if (!markers.includes(c.n)) problems.push(`citation ${c.n} is not cited`);
  if (answer.abstained && answer.citations.length) problems.push("abstained answer has citations");
  if (answer.mode === "extractive") {
    for (const m of answer.answer.matchAll(QUOTED)) {
      const quoted = (m[1] ?? m[2] ?? "").trim();
      const c = byN.get(Number(m[3]));
      if (!c) continue;
      if (!c.passage.includes(quoted) && c.title !== quoted) problems.push(`quote not in passage ${c.n}: ${quoted.slice(0, 60)}`);
    }
    for (const c of answer.citations) {
      const text = releaseText(c.releaseId);
      const parts = c.passage.split(GAP);
      if (text !== undefined && parts.some((p) => !text.replace(/\s+/g, " ").includes(p))) {
        problems.push(`passage ${c.n} is not verbatim in ${c.releaseId}`);
      }
    }
  }
  return problems;
}
