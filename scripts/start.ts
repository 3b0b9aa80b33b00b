/**
 * npm start: ingests data/releases when no index exists, builds when the build is missing or
 * stale, then serves on PORT (default 3000).
 */
import { spawn } from "node:child_process";
import { buildIsStale } from "../lib/build-state";
import { config } from "../lib/config";
import { compatibilityProblem, readStoreMeta } from "../lib/store/open";
import { currentVersionPath } from "../lib/store/versions";
import { databaseHasIndex } from "../lib/store/postgres/store";
import { redactUrl } from "../lib/store/postgres/pool";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function main(): Promise<number> {
  let cfg;
  try {
    cfg = config();
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 2;
  }
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (cfg.DATABASE_URL) {
    // a shared database is only filled when it holds no index yet (never overwritten from here)
    if (!(await databaseHasIndex(cfg.DATABASE_URL))) {
      console.log(`No index in ${redactUrl(cfg.DATABASE_URL)}: ingesting data/releases first.`);
      const code = await run(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--input", "data/releases"], env);
      if (code !== 0) return code;
    }
  }
  const live = cfg.DATABASE_URL ? "database" : await currentVersionPath(cfg.INDEX_DIR);
  if (live && !cfg.DATABASE_URL) {
    // an index written by an older version is served as 503 until rebuilt: say so now
    try {
      const problem = compatibilityProblem({ meta: readStoreMeta(live), dir: cfg.INDEX_DIR });
      if (problem) throw new Error(problem);
    } catch (err) {
      console.error(
        `WARNING: the index in ${cfg.INDEX_DIR} cannot be used (${(err as Error).message}). ` +
          `Rebuild it with: npm run ingest -- --rebuild --input <your releases folder> (default data/releases)`,
      );
    }
  }
  if (!live) {
    console.log(`No index in ${cfg.INDEX_DIR}: ingesting data/releases first.`);
    const code = await run(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--input", "data/releases", "--index", cfg.INDEX_DIR], env);
    if (code !== 0) return code;
  }
  if (await buildIsStale(process.cwd())) {
    console.log("Building the app (next build)…");
    const code = await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
    if (code !== 0) return code;
  }
  return run(process.execPath, ["scripts/serve.mjs"], { ...env, PORT: String(cfg.PORT) });
}

void main().then((code) => process.exit(code));
