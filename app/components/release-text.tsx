"use client";

import type { Ref } from "react";
import { segment, splitParagraphs, type Range } from "./highlight";

/** A release body as paragraphs (split on blank lines), with `marks` highlighted as <mark>. */
export function ReleaseText({ text, marks, firstMarkRef }: { text: string; marks: readonly Range[]; firstMarkRef?: Ref<HTMLElement> }) {
  const paragraphs = splitParagraphs(text).map((paragraph) => ({ paragraph, parts: segment(text, paragraph, marks) }));
  const firstMarked = paragraphs.find((p) => p.parts.some((part) => part.marked));
  return (
    <div className="release-text">
      {paragraphs.map(({ paragraph, parts }) => (
        <p key={paragraph.start}>
          {parts.map((part, i) => {
            if (!part.marked) return <span key={i}>{part.text}</span>;
            const ref = firstMarked?.paragraph === paragraph && parts.findIndex((x) => x.marked) === i ? firstMarkRef : undefined;
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
