import type { Release } from "../types";

/** Release ids are file names: letters, digits, dot, underscore, hyphen. */
const RELEASE_ID = /^[A-Za-z0-9._-]{1,200}$/;

/** Whether a path parameter can be a release id (anything else is answered 404 unseen). */
export function isReleaseId(value: string): boolean {
  return RELEASE_ID.test(value);
}

/** One release as served: metadata and cleaned text (no internal hashes). */
export function releaseDetail(r: Release) {
  return { releaseId: r.releaseId, title: r.title, location: r.location, source: r.source, contacts: r.contacts, text: r.text };
}
