import { createHash } from "node:crypto";
import type { Release } from "../types";
import { navEnd, type NavProfile } from "./boilerplate";
import { joinFieldValues, joinHardWraps, stripDebris } from "./clean";
import { datelinePlace, extractContacts } from "./metadata";

export interface ParseInput {
  releaseId: string;
  source: string;
  /** Decoded text of the file. */
  text: string;
  /** Raw bytes hash (sha256 hex); computed from `text` when absent. */
  hash?: string;
  profile: NavProfile;
}

/** Why a release yields nothing to index. */
export class EmptyReleaseError extends Error {
  override readonly name = "EmptyReleaseError";
}

/**
 * Cleans one release: drops the navigation block, HTML debris and empty lines, joins hard
 * wraps, then reads the title (first line), dateline place and contacts. Pure.
 */
export function parseRelease(input: ParseInput): Release {
  const rawLines = input.text.split("\n");
  const start = navEnd(rawLines, input.profile);
  const lines = rawLines
    .slice(start)
    .map(stripDebris)
    .filter((l) => l !== "" && !/^[-–—•*|]+$/.test(l));
  if (lines.length === 0) throw new EmptyReleaseError("no body text after removing navigation");
  // a page without a heading starts with a paragraph: it stays in the body and a title is made of it
  const headed = lines[0]!.length <= MAX_TITLE;
  const title = headed ? lines[0]! : shortTitle(lines[0]!);
  const paragraphs = joinFieldValues(joinHardWraps(headed ? lines.slice(1) : lines));
  const text = paragraphs.join("\n\n");
  return {
    releaseId: input.releaseId,
    source: input.source,
    title: title.replace(/\s+/g, " "),
    location: paragraphs[0] ? datelinePlace(paragraphs[0]) : null,
    contacts: extractContacts(text),
    hash: input.hash ?? createHash("sha256").update(input.text).digest("hex"),
    text: text === "" ? title : text,
  };
}

/** Longer first lines are paragraphs, not headings. */
const MAX_TITLE = 160;

/** A title made from a paragraph: its first sentence, cut at a word boundary. */
function shortTitle(paragraph: string): string {
  const sentence = /^.{20,}?[.!?](?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
  if (sentence.length <= 120) return sentence;
  return `${sentence.slice(0, 117).replace(/\s+\S*$/, "")}…`;
}
