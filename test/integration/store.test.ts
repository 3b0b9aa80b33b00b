import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../lib/build/ingest";
import type { Embedder } from "../../lib/embeddings/embedder";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { EngineHolder } from "../../lib/engine";
import { AssistantRetriever } from "../../lib/retrieve/langchain";
import { retrieve } from "../../lib/retrieve/retrieve";
import type { EmbeddedStore } from "../../lib/store/embedded";
import { IndexBusyError } from "../../lib/store/lock";
import { openStore } from "../../lib/store/open";
import { currentVersionPath } from "../../lib/store/versions";
import { terms } from "../../lib/text/analyze";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLES = join(ROOT, "data/releases");
const embedder = new HashEmbedder();
let work: string;
const opened: EmbeddedStore[] = [];

async function open(dir: string, log?: (m: string) => void): Promise<EmbeddedStore> {
  const store = await openStore({ dir, log: log ?? (() => {}) });
  opened.push(store);
  return store;
}

async function copySamples(name: string): Promise<string> {
  const dir = join(work, name);
  await cp(SAMPLES, dir, { recursive: true });
  return dir;
}

/** Release ids of the dense hits of a text, best first. */
async function denseReleases(store: EmbeddedStore, text: string, k = 5): Promise<string[]> {
  const hits = await store.dense(await embedder.embedQuery(text), k);
  const chunks = await store.chunks(hits.map((h) => h.label));
  return hits.map((h) => chunks.get(h.label)!.releaseId);
}

const NEW_RELEASE = "Nouveau bureau à Lausanne\nLausanne - L'OIM ouvre un bureau à Lausanne pour accueillir les migrants venus du Valais et du Jura.";

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "oim-store-"));
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await rm(work, { recursive: true, force: true });
});

describe("incremental updates", () => {
  it("adds, changes and removes one release in place, then finds the new state", async () => {
    const input = await copySamples("inc-input");
    const dir = join(work, "inc-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    const version = await currentVersionPath(dir);

    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE);
    const added = await ingest({ input, dir, embedder, warn: () => {} });
    expect(added).toMatchObject({ fullBuild: false, changed: 1, removed: 0 });
    expect(added.embedded).toBeGreaterThan(0);
    expect(added.embedded).toBeLessThan(added.chunks);
    expect(await currentVersionPath(dir)).toBe(version);

    let store = await open(dir);
    expect((await store.info()).releases).toBe(6);
    expect(store.graphSize).toBe((await store.info()).chunks);
    expect((await denseReleases(store, NEW_RELEASE))[0]).toBe("lausanne");
    const lexical = await store.lexical(terms("bureau Lausanne Valais"), 3);
    expect((await store.chunks([lexical[0]!.label])).get(lexical[0]!.label)!.releaseId).toBe("lausanne");

    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE.replace(/Lausanne/g, "Montreux").replace("Valais", "Tessin"));
    const changed = await ingest({ input, dir, embedder, warn: () => {} });
    expect(changed).toMatchObject({ fullBuild: false, changed: 1, removed: 0 });
    store = await open(dir);
    expect(await store.lexical(terms("Lausanne"), 5)).toEqual([]);
    expect((await store.releaseLexical(terms("Montreux Tessin"), 1))[0]!.releaseId).toBe("lausanne");

    await rm(join(input, "lausanne.txt"));
    const removed = await ingest({ input, dir, embedder, warn: () => {} });
    expect(removed).toMatchObject({ fullBuild: false, changed: 0, removed: 1, embedded: 0 });
    store = await open(dir);
    expect((await store.info()).releases).toBe(5);
    expect(store.graphSize).toBe((await store.info()).chunks);
    expect(await denseReleases(store, NEW_RELEASE, 50)).not.toContain("lausanne");
    expect(await store.releaseLexical(terms("Montreux"), 5)).toEqual([]);
  });

  it("merges the small posting segments of many updates, and still finds everything", async () => {
    const input = await copySamples("many-input");
    const dir = join(work, "many-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    for (let i = 0; i < 20; i++) {
      await writeFile(join(input, "lausanne.txt"), `${NEW_RELEASE} Version ${i}, quartier numéro ${i}.`);
      await ingest({ input, dir, embedder, warn: () => {} });
    }
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(join((await currentVersionPath(dir))!, "store.db"), { readonly: true });
    const segments = db.prepare("SELECT count(DISTINCT seg) FROM postings WHERE kind = 0").pluck().get() as number;
    db.close();
    expect(segments).toBeLessThanOrEqual(17);
    const store = await open(dir);
    expect((await store.releaseLexical(terms("Lausanne Valais"), 1))[0]!.releaseId).toBe("lausanne");
    expect((await store.lexical(terms("Panama atelier"), 1)).length).toBe(1);
    expect(await store.documentFrequencies(terms("Lausanne"))).toEqual({ releases: 6, df: new Map([["lausann", 1]]) });
  });

  it("a file renamed or touched without a content change embeds nothing", async () => {
    const input = await copySamples("touch-input");
    const dir = join(work, "touch-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    await mkdir(join(input, "sub"));
    await rename(join(input, "000_120eaf54a8d4fb0e.txt"), join(input, "sub", "000_120eaf54a8d4fb0e.txt"));
    await writeFile(join(input, "001_b45dd83a0103b98f.txt"), `${await readFile(join(input, "001_b45dd83a0103b98f.txt"), "utf8")}\n\n`);
    const r = await ingest({ input, dir, embedder, warn: () => {} });
    expect(r).toMatchObject({ upToDate: false, embedded: 0, changed: 0, removed: 0 });
    const store = await open(dir);
    expect((await store.releases(["000_120eaf54a8d4fb0e"])).get("000_120eaf54a8d4fb0e")!.source).toBe("sub/000_120eaf54a8d4fb0e.txt");
  });
});

describe("crashes and repairs", () => {
  it("a process killed between the database commit and the graph write leaves a consistent index", async () => {
    const input = await copySamples("kill-input");
    const dir = join(work, "kill-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE);
    const script = `
      import { ingest } from ${JSON.stringify(join(ROOT, "lib/build/ingest.ts"))};
      import { HashEmbedder } from ${JSON.stringify(join(ROOT, "lib/embeddings/hash.ts"))};
      await ingest({ input: ${JSON.stringify(input)}, dir: ${JSON.stringify(dir)}, embedder: new HashEmbedder(), warn: () => {},
        afterCommit: () => process.kill(process.pid, "SIGKILL") });`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT });
    expect(r.signal).toBe("SIGKILL");
    // the database has the new release, the graph snapshot does not: loading brings the graph up to date
    const store = await open(dir);
    expect((await store.info()).releases).toBe(6);
    expect(store.graphSize).toBe((await store.info()).chunks);
    expect((await denseReleases(store, NEW_RELEASE))[0]).toBe("lausanne");
    // the lock of the killed ingest does not block the next one, which writes the graph
    const next = await ingest({ input, dir, embedder, warn: () => {} });
    expect(next.upToDate).toBe(true);
  });

  it("rebuilds a graph that is missing or disagrees with the database, saying so", async () => {
    const input = await copySamples("repair-input");
    const dir = join(work, "repair-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    const version = (await currentVersionPath(dir))!;
    const snapshot = async () => (await readdir(version)).filter((e) => /^(graph|hnsw)-/.test(e)).sort();
    const before = await snapshot();
    const saved = join(work, "saved-graph");
    await mkdir(saved);
    for (const f of before) await cp(join(version, f), join(saved, f));

    // a release removed, then the old graph put back under the new sequence number: it holds points the database no longer has
    await rm(join(input, "002_a302ce89266d0179.txt"));
    await ingest({ input, dir, embedder, warn: () => {} });
    const manifest = before.find((f) => f.startsWith("graph-"))!;
    for (const f of await snapshot()) await rm(join(version, f));
    for (const f of before) await cp(join(saved, f), join(version, f));
    const seq = JSON.parse((await readFile(join(version, manifest), "utf8"))) as { seq: number };
    await rename(join(version, manifest), join(version, `graph-${seq.seq + 1}.json`));

    const logs: string[] = [];
    const store = await open(dir, (m) => logs.push(m));
    expect(logs.join("\n")).toMatch(/disagrees with the store.*rebuilding/);
    expect(store.graphSize).toBe((await store.info()).chunks);
    expect(await denseReleases(store, "Dialogue de haut niveau publication du CCS", 50)).not.toContain("002_a302ce89266d0179");

    for (const f of await snapshot()) await rm(join(version, f));
    const logs2: string[] = [];
    const again = await open(dir, (m) => logs2.push(m));
    expect(logs2.join("\n")).toMatch(/no readable HNSW graph.*rebuilding/);
    expect((await denseReleases(again, "formation des autorités locales à Turin"))[0]).toBe("004_d574b86eb03e76ad");
  });
});

describe("one ingest at a time", () => {
  it("refuses a second ingest of the same index while one runs, and takes over a dead one's lock", async () => {
    const input = await copySamples("lock-input");
    const dir = join(work, "lock-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = ingest({ input, dir, embedder, warn: () => {}, beforeCommit: async () => (entered(), await held) });
    await inside;
    await expect(ingest({ input, dir, embedder, warn: () => {} })).rejects.toBeInstanceOf(IndexBusyError);
    await expect(ingest({ input, dir, embedder, warn: () => {} })).rejects.toThrow(/Another ingest \(pid \d+.*is updating/);
    release();
    expect((await first).changed).toBe(1);

    await writeFile(join(dir, ".ingest.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import("node:os")).hostname(), since: "earlier" }));
    await rm(join(input, "lausanne.txt"));
    expect((await ingest({ input, dir, embedder, warn: () => {} })).removed).toBe(1);
  });
});

describe("lexical search (FTS5 BM25 over analysed tokens)", () => {
  it("ranks by term frequency and rarity, counts the title, and gives release frequencies", async () => {
    const input = join(work, "fts-input");
    await mkdir(input);
    await writeFile(join(input, "a.txt"), "Atelier sur les migrations\nGenève - Un atelier s'est tenu à Genève. Il a aussi été question du Panama.");
    await writeFile(join(input, "b.txt"), "Rapport annuel\nGenève - Le Panama, le Panama et encore le Panama : trois mentions de ce pays dans un rapport.");
    await writeFile(join(input, "c.txt"), "Communiqué sans rapport\nRome - Les réfugiés arrivés en Italie ont reçu une aide alimentaire.");
    const dir = join(work, "fts-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    const store = await open(dir);
    const releaseOf = async (hits: { label: number }[]) => {
      const chunks = await store.chunks(hits.map((h) => h.label));
      return hits.map((h) => chunks.get(h.label)!.releaseId);
    };
    const panama = await store.lexical(terms("Panama"), 10);
    expect(await releaseOf(panama)).toEqual(["b", "a"]);
    expect(panama[0]!.bm25).toBeGreaterThan(panama[1]!.bm25);
    expect((await releaseOf(await store.lexical(terms("atelier"), 10)))[0]).toBe("a");
    // a term's weight scales its score: at 0 it adds nothing
    const [atelier] = terms("atelier");
    const weighted = await store.lexical(terms("atelier Panama"), 10, new Map([[atelier!, 0]]));
    expect(weighted).toEqual(panama);
    expect((await releaseOf(await store.lexical(terms("atelier Panama"), 10)))[0]).toBe("a");
    // the dateline place is searchable
    expect(await releaseOf(await store.lexical(terms("Rome"), 10))).toEqual(["c"]);
    expect((await store.releaseLexical(terms("panama réfugiés"), 3)).map((h) => h.releaseId)).toHaveLength(3);
    expect(await store.lexical(terms("inexistant"), 10)).toEqual([]);
    // quotes and operators in a query are words, never FTS syntax
    expect(await store.lexical(['"', "AND", "panama*"], 10)).toEqual([]);
    const { releases, df } = await store.documentFrequencies(terms("Panama Genève Italie"));
    expect(releases).toBe(3);
    expect([...df.values()]).toEqual([2, 2, 1]);
  });
});

describe("a running server", () => {
  it("sees updates without a restart and without a second copy of the index", async () => {
    const input = await copySamples("live-input");
    const dir = join(work, "live-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    const holder = new EngineHolder({ dir, modelsDir: "unused", checkEveryMs: 0 });
    const first = await holder.get();
    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE);
    await ingest({ input, dir, embedder, warn: () => {} });
    const second = await holder.get();
    expect(second.store).toBe(first.store);
    const { passages } = await retrieve({ store: second.store, embedder: second.embedder, question: "Où l'OIM ouvre-t-elle un bureau pour les migrants du Valais ?" });
    expect(passages[0]!.releaseId).toBe("lausanne");
    await second.store.close();
  });
});

/** Hand-written vectors: one axis per topic word, so a query can match by meaning alone. */
class AxisEmbedder implements Embedder {
  readonly id = "axis:v1:4";
  readonly dimension = 4;
  private vector(text: string): number[] {
    const t = text.toLowerCase();
    const v = [/alpha|zoulou/.test(t) ? 1 : 0, /beta/.test(t) ? 1 : 0, /gamma/.test(t) ? 1 : 0, 0.05];
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.vector(text);
  }
}

describe("AssistantRetriever (LangChain)", () => {
  it("returns the hybrid search's passages as Documents, the dense list finding what no word matches", async () => {
    const input = join(work, "axis-input");
    await mkdir(input);
    await writeFile(join(input, "alpha.txt"), "Le projet alpha\nGenève - Le projet alpha aide les migrants.");
    await writeFile(join(input, "beta.txt"), "Le projet beta\nRome - Le projet beta forme des autorités locales.");
    await writeFile(join(input, "gamma.txt"), "Le projet gamma\nDakar - Le projet gamma soutient le retour volontaire.");
    const dir = join(work, "axis-idx");
    const axis = new AxisEmbedder();
    await ingest({ input, dir, embedder: axis, warn: () => {} });
    const store = await open(dir);
    const retriever = new AssistantRetriever({ store, embedder: axis, k: 2 });
    // "zoulou" is in no release: only its hand-written vector points at alpha
    const docs = await retriever.invoke("zoulou");
    expect(docs[0]!.metadata).toMatchObject({ releaseId: "alpha", title: "Le projet alpha", location: "Genève" });
    expect(docs[0]!.pageContent).toContain("alpha aide les migrants");
    expect(docs.length).toBeLessThanOrEqual(2);
    const beta = await retriever.invoke("Que forme le projet beta ?");
    expect(beta[0]!.metadata.releaseId).toBe("beta");
    expect(beta[0]!.metadata.fusedScore).toBeGreaterThan(0);
  });
});
