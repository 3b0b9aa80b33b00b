import type { Release, Suggestion } from "../types";

/** Release ids are file names: letters, digits, dot, underscore, hyphen. */
const RELEASE_ID = /^[A-Za-z0-9._-]{1,200}$/;

/** Whether a path parameter can be a release id (anything else is answered 404 unseen). */
export function isReleaseId(value: string): boolean {
  return RELEASE_ID.test(value);
}

/** The releases as `{releaseId, title, location}`, sorted by title. */
export function releaseList(releases: Map<string, Release>): Suggestion[] {
  return [...releases.values()]
    .map(({ releaseId, title, location }) => ({ releaseId, title, location }))
    .sort((a, b) => a.title.localeCompare(b.title, "fr") || a.releaseId.localeCompare(b.releaseId));
}

/** One release as served: metadata and cleaned text (no internal hashes). */
export function releaseDetail(r: Release) {
  return { releaseId: r.releaseId, title: r.title, location: r.location, source: r.source, contacts: r.contacts, text: r.text };
}
