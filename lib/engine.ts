import { embedderFromId } from "./embeddings/create";
import type { Embedder } from "./embeddings/embedder";
import { AppError } from "./errors";
import { currentVersionPath, loadIndex, type LoadedIndex } from "./index/load";

/** A loaded index with the embedder it was built with. */
export interface Engine {
  index: LoadedIndex;
  embedder: Embedder;
}

export interface EngineHolderOptions {
  dir: string;
  modelsDir: string;
  /** Minimum time between two checks for a newer index version. */
  checkEveryMs?: number;
}

/**
 * Loads the index once and shares it. When `npm run ingest` makes a new version live, the next
 * request after the check interval loads it; until it is fully loaded (or if it cannot be), the
 * previous engine keeps serving, so no request fails during the swap.
 */
export class EngineHolder {
  private current: { path: string; engine: Engine } | null = null;
  private loading: Promise<Engine> | null = null;
  private lastCheck = 0;
  private embedders = new Map<string, Promise<Embedder>>();

  constructor(private readonly options: EngineHolderOptions) {}

  /** The engine for the live index version; throws `index_unavailable` when there is none. */
  async get(): Promise<Engine> {
    const now = Date.now();
    if (this.current && now - this.lastCheck < (this.options.checkEveryMs ?? 1000)) return this.current.engine;
    this.lastCheck = now;
    const path = await currentVersionPath(this.options.dir);
    if (!path) {
      if (this.current) return this.current.engine;
      throw new AppError("index_unavailable", `No index yet in ${this.options.dir}. Build one with \`npm run ingest\` (or \`npm start\`).`);
    }
    if (this.current?.path === path) return this.current.engine;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    try {
      return await this.loading;
    } catch (err) {
      // a half-written or removed version: keep serving the one we have
      if (this.current) return this.current.engine;
      throw err;
    }
  }

  private async load(): Promise<Engine> {
    const index = await loadIndex({ dir: this.options.dir });
    const id = index.manifest.embedder.id;
    let embedder = this.embedders.get(id);
    if (!embedder) {
      embedder = embedderFromId({ id, modelsDir: this.options.modelsDir });
      this.embedders.set(id, embedder);
      embedder.catch(() => this.embedders.delete(id));
    }
    let e: Embedder;
    try {
      e = await embedder;
    } catch (err) {
      throw new AppError("index_mismatch", `${(err as Error).message}`, { cause: err });
    }
    const engine = { index, embedder: e };
    this.current = { path: index.path, engine };
    return engine;
  }
}
