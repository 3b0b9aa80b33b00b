import { embedderFromId } from "./embeddings/create";
import type { Embedder } from "./embeddings/embedder";
import { AppError } from "./errors";
import { openStore } from "./store/open";
import { PostgresStore } from "./store/postgres/store";
import type { Store } from "./store/store";
import { currentVersionPath } from "./store/versions";

/** An open store with the embedder it was built with. */
export interface Engine {
  store: Store;
  embedder: Embedder;
}

export interface EngineHolderOptions {
  dir: string;
  modelsDir: string;
  /** Minimum time between two checks for updates. */
  checkEveryMs?: number;
  /** How messages name the index folder (default: its path). */
  label?: string;
  /** A `postgres://` URL: the store is that database, not `dir`. */
  databaseUrl?: string;
  log?: (m: string) => void;
}

/** How long a replaced store stays open for the requests still using it. */
const CLOSE_AFTER_MS = 30_000;

/**
 * Opens the index once and shares it. Updates made in place by `npm run ingest` are applied
 * to the open store on the next request after the check interval (no second copy in memory);
 * a rebuilt index (a new version folder) is opened beside the old one, which keeps serving
 * until the new one is ready, so no request fails during the swap.
 */
export class EngineHolder {
  private current: { path: string; engine: Engine } | null = null;
  private loading: Promise<Engine> | null = null;
  private lastCheck = 0;
  private embedders = new Map<string, Promise<Embedder>>();

  constructor(private readonly options: EngineHolderOptions) {}

  /** The engine for the live index; throws `index_unavailable` when there is none. */
  async get(): Promise<Engine> {
    if (this.options.databaseUrl) return this.getShared(this.options.databaseUrl);
    const now = Date.now();
    if (this.current && now - this.lastCheck < (this.options.checkEveryMs ?? 1000)) return this.current.engine;
    this.lastCheck = now;
    const path = await currentVersionPath(this.options.dir);
    if (!path) {
      if (this.current) return this.current.engine;
      throw new AppError("index_unavailable", `No index yet in ${this.options.label ?? this.options.dir}. Build one with \`npm run ingest\` (or \`npm start\`).`);
    }
    if (this.current?.path === path) {
      try {
        await this.current.engine.store.refresh();
      } catch (err) {
        this.log(`could not apply the index updates yet (${(err as Error).message}); serving the state already loaded`);
      }
      return this.current.engine;
    }
    this.loading ??= this.load(path).finally(() => {
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

  /** The engine over PostgreSQL: opened once, then brought up to date from the database (503 while it is down). */
  private async getShared(url: string): Promise<Engine> {
    const now = Date.now();
    if (this.current) {
      if (now - this.lastCheck >= (this.options.checkEveryMs ?? 1000)) {
        this.lastCheck = now;
        await this.current.engine.store.refresh();
      }
      return this.current.engine;
    }
    this.loading ??= (async () => {
      const store = await PostgresStore.open({ url });
      this.lastCheck = Date.now();
      return this.withEmbedder("postgres", store);
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private log(m: string): void {
    (this.options.log ?? ((s: string) => console.warn(`[oim] ${s}`)))(m);
  }

  private async load(path: string): Promise<Engine> {
    const store = await openStore({ dir: this.options.dir, path, log: (m) => this.log(m), label: this.options.label });
    return this.withEmbedder(path, store);
  }

  /** Closes the store (command-line tools, before they exit). */
  async close(): Promise<void> {
    await this.current?.engine.store.close();
    this.current = null;
  }

  /** Pairs a store with the embedder it was built with, and makes it current. */
  private async withEmbedder(path: string, store: Store): Promise<Engine> {
    const id = (await store.info()).embedder.id;
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
      await store.close();
      throw new AppError("index_mismatch", `${(err as Error).message}`, { cause: err });
    }
    const previous = this.current;
    const engine = { store, embedder: e };
    this.current = { path, engine };
    if (previous) setTimeout(() => void previous.engine.store.close(), CLOSE_AFTER_MS).unref();
    return engine;
  }
}
