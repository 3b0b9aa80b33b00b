import { randomBytes } from "node:crypto";
import { mkdir, readdir, realpath, rename, rm, symlink } from "node:fs/promises";
import { join } from "node:path";

/** Name of the symlink that points at the live version folder. */
export const CURRENT = "current";

/** Path of the live version folder of an index, or null when none was built yet. */
export async function currentVersionPath(dir: string): Promise<string | null> {
  try {
    return await realpath(join(dir, CURRENT));
  } catch {
    return null;
  }
}

/** A version folder being built: written under `tmp`, published as `name`. */
export interface NewVersion {
  buildId: string;
  tmp: string;
  name: string;
}

/** Creates the temporary folder of a new version. */
export async function startVersion(dir: string, now = new Date()): Promise<NewVersion> {
  const buildId = `${now.toISOString().replace(/[-:.TZ]/g, "")}-${randomBytes(3).toString("hex")}`;
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.tmp-${buildId}`);
  await mkdir(tmp);
  return { buildId, tmp, name: `v-${buildId}` };
}

/**
 * Makes a complete version live with an atomic symlink swap (`dir/current`): a crash at any
 * point leaves the previous version live. Older versions are removed afterwards, keeping the
 * previous one for readers still using it.
 */
export async function publishVersion(dir: string, v: NewVersion): Promise<string> {
  const path = join(dir, v.name);
  await rename(v.tmp, path);
  const link = join(dir, `.current-${v.buildId}`);
  await symlink(v.name, link);
  await rename(link, join(dir, CURRENT));
  await prune(dir, v.name);
  return path;
}

/** Removes the temporary folder of a version that will not be published. */
export async function abandonVersion(v: NewVersion): Promise<void> {
  await rm(v.tmp, { recursive: true, force: true }).catch(() => undefined);
}

/** Names this module gives to what it writes; nothing else in the folder is ever removed. */
const BUILD = String.raw`\d{17}-[0-9a-f]{6}`;
const VERSION = new RegExp(`^v-${BUILD}$`);
const LEFTOVER = new RegExp(`^\\.(?:tmp|current)-${BUILD}$`);

/** Removes leftovers: temp folders of other builds and versions older than the previous one. */
async function prune(dir: string, live: string): Promise<void> {
  const entries = (await readdir(dir)).sort();
  const versions = entries.filter((e) => VERSION.test(e) && e !== live);
  const keep = new Set([versions[versions.length - 1]]);
  for (const e of entries) {
    const stale = (VERSION.test(e) && e !== live && !keep.has(e)) || LEFTOVER.test(e);
    if (stale) await rm(join(dir, e), { recursive: true, force: true }).catch(() => undefined);
  }
}
