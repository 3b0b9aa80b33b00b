import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** Folders and files whose changes require a new `next build`. */
const SOURCES = ["app", "lib", "next.config.js", "package.json", "tsconfig.json"];

/** Newest modification time (ms) under the given paths of `root`. */
async function newestMtime(root: string, paths: string[]): Promise<number> {
  let newest = 0;
  const visit = async (p: string): Promise<void> => {
    let s;
    try {
      s = await stat(p);
    } catch {
      return;
    }
    if (s.isDirectory()) {
      for (const e of await readdir(p)) if (!e.startsWith(".") && e !== "node_modules") await visit(join(p, e));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) await visit(join(root, p));
  return newest;
}

/** Whether the production build in `.next` is missing or older than the sources. */
export async function buildIsStale(root: string): Promise<boolean> {
  try {
    const built = (await stat(join(root, ".next", "BUILD_ID"))).mtimeMs;
    return (await newestMtime(root, SOURCES)) > built;
  } catch {
    return true;
  }
}
