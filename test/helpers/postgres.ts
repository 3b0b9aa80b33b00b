import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../e2e/server";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Whether a PostgreSQL with pgvector can be started here (`.ci/run` installs one). */
export const HAVE_POSTGRES = existsSync(join(BIN, "initdb")) && spawnSync("sh", ["-c", 'test -f "$(pg_config --sharedir)/extension/vector.control"']).status === 0;
export const POSTGRES_MISSING = `PostgreSQL 15 with pgvector not found (${BIN}): run ../shared/tools/install-pgvector.sh`;

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
  start(): void;
  destroy(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` system user when we are root (initdb and postgres refuse root). */
function run(cmd: string, args: string[]): void {
  const r = asRoot ? spawnSync("runuser", ["-u", "postgres", "--", join(BIN, cmd), ...args], { encoding: "utf8" }) : spawnSync(join(BIN, cmd), args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
}

/** A new cluster in a temp folder on a free port, with a database `oim`; stopped and removed by `destroy`. */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const dir = await mkdtemp(join(tmpdir(), "oim-pg-"));
  await chmod(dir, 0o777);
  if (asRoot) spawnSync("chown", ["postgres", dir]);
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () => run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-o", options, "-w", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE oim");
  await admin.end();
  return {
    url: `postgres://postgres:secret-not-used@127.0.0.1:${port}/oim`,
    stop,
    start,
    destroy: async () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
