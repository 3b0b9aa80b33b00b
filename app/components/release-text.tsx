"use client";

import type { Ref } from "react";
import { segment, splitParagraphs, type Range } from "./highlight";

/** A release body as paragraphs (split on blank lines), with `marks` highlighted as <mark>. */
export function ReleaseText({ text, marks, firstMarkRef }: { text: string; marks: readonly Range[]; firstMarkRef?: Ref<HTMLElement> }) {
  let first = true;
  return (
    <div className="release-text">
      {splitParagraphs(text).map((paragraph) => (
        <p key={paragraph.start}>
          {segment(text, paragraph, marks).map((part, i) => {
            if (!part.marked) return <span key={i}>{part.text}</span>;
            const ref = first ? firstMarkRef : undefined;
            first = false;
            return (
              <mark key={i} ref={ref}>
                {part.text}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}
