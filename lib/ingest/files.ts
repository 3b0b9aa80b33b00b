import { readdir, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";

export const RELEASE_EXTENSIONS = new Set([".txt", ".md", ".html", ".htm"]);

/** Thrown when the input folder is missing or not a folder (exit code 2). */
export class InputFolderError extends Error {
  override readonly name = "InputFolderError";
}

/**
 * Release files under `root` (recursively, hidden entries skipped), as paths relative to it,
 * sorted. Symbolic links are not followed (they could lead out of the folder): each is added to
 * `skipped` with the reason.
 */
export async function listReleaseFiles(root: string, skipped?: { source: string; reason: string }[]): Promise<string[]> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new InputFolderError(`Input folder not found: ${root}`);
  }
  if (!info.isDirectory()) throw new InputFolderError(`Input is not a folder: ${root}`);
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = join(dir, e.name);
      if (e.isSymbolicLink()) skipped?.push({ source: relative(root, full).split(sep).join("/"), reason: "symbolic link (not followed)" });
      else if (e.isDirectory()) await walk(full);
      else if (e.isFile() && RELEASE_EXTENSIONS.has(extname(e.name).toLowerCase())) {
        out.push(relative(root, full).split(sep).join("/"));
      }
    }
  };
  await walk(root);
  return out.sort();
}
