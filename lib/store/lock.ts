import { readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";

/** Thrown when another ingest holds the index (exit code 1, nothing written). */
export class IndexBusyError extends Error {
  override readonly name = "IndexBusyError";
}

const LOCK = ".ingest.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the ingest lock of an index folder (a file created exclusively, naming its holder).
 * A lock left by a process that no longer exists (killed ingest) is taken over. Returns the release.
 */
export async function lockIndex(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK);
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, me, { flag: "wx" });
      return async () => {
        // only our own lock is removed
        if ((await readFile(file, "utf8").catch(() => "")) === me) await rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let holder: { pid?: number; host?: string; since?: string } = {};
    try {
      holder = JSON.parse(await readFile(file, "utf8")) as typeof holder;
    } catch {
      // being written this very moment, or damaged: treated as held below when recent
    }
    const otherHost = holder.host !== undefined && holder.host !== hostname();
    if (holder.pid !== undefined && (otherHost || alive(holder.pid))) {
      throw new IndexBusyError(
        `Another ingest (pid ${holder.pid}${otherHost ? ` on ${holder.host}` : ""}, started ${holder.since ?? "earlier"}) is updating ${dir}. ` +
          `Wait for it to finish; if that process no longer exists, remove ${file}.`,
      );
    }
    if (holder.pid === undefined && attempt === 0) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    await rm(file, { force: true }); // its holder died: take the lock over
  }
  throw new IndexBusyError(`Could not take the ingest lock ${file}; remove it if no ingest is running.`);
}
