"use client";

import { Fragment, type ReactNode } from "react";
import type { Citation } from "@/lib/types";
import { CitationChip } from "./citation-chip";

/** `[1]`, `[1, 2]` or `[1;2]`. */
const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

function renderLine(line: string, byNumber: Map<number, Citation>, onOpen: (c: Citation) => void, key: string) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of line.matchAll(MARKER)) {
    const numbers = (match[1] ?? "").split(/[,;]/).map((s) => Number(s.trim()));
    if (!numbers.every((n) => byNumber.has(n))) continue; // unknown number: leave the text as is
    const index = match.index ?? 0;
    if (index > at) parts.push(line.slice(at, index));
    for (const n of numbers) {
      const citation = byNumber.get(n);
      if (citation) parts.push(<CitationChip key={`${key}-${index}-${n}`} citation={citation} onOpen={onOpen} />);
    }
    at = index + match[0].length;
  }
  if (at < line.length) parts.push(line.slice(at));
  return parts;
}

/** Answer text as paragraphs, with each `[n]` marker turned into a citation chip. */
export function AnswerText({
  text,
  citations,
  onOpen,
}: {
  text: string;
  citations: readonly Citation[];
  onOpen: (c: Citation) => void;
}) {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i} className="answer-paragraph">
          {paragraph.split("\n").map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {renderLine(line, byNumber, onOpen, `${i}-${j}`)}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
