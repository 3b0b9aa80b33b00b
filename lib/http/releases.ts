import type { ReleaseDetail } from "../contract";
import type { Release } from "../types";

/** Longest release text served at once (a release is a few thousand characters; an accident is not served whole). */
export const MAX_TEXT_CHARS = 200_000;

/**
 * Whether a path parameter can be a release id: a file name without its extension (spaces,
 * accents, `%` and the like included), never a path. Ids are only ever keys of the store,
 * never parts of a file path, so no id can reach outside it.
 */
export function isReleaseId(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return value.length > 0 && value.length <= 255 && !/[/\\\u0000-\u001f\u007f]/.test(value);
}

/** One release as served: metadata and cleaned text (no internal hashes), the text capped. */
export function releaseDetail(r: Release): ReleaseDetail {
  const truncated = r.text.length > MAX_TEXT_CHARS;
  return {
    releaseId: r.releaseId,
    title: r.title,
    location: r.location,
    source: r.source,
    contacts: r.contacts,
    text: truncated ? r.text.slice(0, MAX_TEXT_CHARS) : r.text,
    ...(truncated ? { truncated: true } : {}),
  };
}
