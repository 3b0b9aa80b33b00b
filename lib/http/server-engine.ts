import { config } from "../config";
import { EngineHolder, type Engine } from "../engine";

/**
 * The process-wide EngineHolder of the HTTP server, built from the config on first use.
 * Kept on `globalThis` because Next.js may bundle a shared module once per route: a plain
 * module variable would load the index once per route instead of once per process.
 */
const KEY = Symbol.for("oim.http.engineHolder");

type Slot = { [KEY]?: EngineHolder };

/** The shared holder (created from `INDEX_DIR` and `MODELS_DIR` on first call). */
export function engineHolder(): EngineHolder {
  const slot = globalThis as Slot;
  if (!slot[KEY]) {
    const cfg = config();
    slot[KEY] = new EngineHolder({ dir: cfg.INDEX_DIR, modelsDir: cfg.MODELS_DIR, label: "INDEX_DIR", databaseUrl: cfg.DATABASE_URL });
  }
  return slot[KEY];
}

/** The engine for the live index; throws `index_unavailable` (503) when none was built. */
export function getEngine(): Promise<Engine> {
  return engineHolder().get();
}

/** Points the shared holder at another index folder (tests); `checkEveryMs` defaults to 0. */
export function setEngineDirForTests(dir: string, options: { checkEveryMs?: number } = {}): void {
  (globalThis as Slot)[KEY] = new EngineHolder({ dir, modelsDir: config().MODELS_DIR, checkEveryMs: options.checkEveryMs ?? 0, label: "INDEX_DIR" });
}

/** Points the shared holder at a PostgreSQL database (tests). */
export function setEngineDatabaseForTests(url: string): void {
  (globalThis as Slot)[KEY] = new EngineHolder({ dir: "unused", modelsDir: config().MODELS_DIR, checkEveryMs: 0, label: "INDEX_DIR", databaseUrl: url });
}
