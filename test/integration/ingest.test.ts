import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { ingest, NoReleasesError } from "../../lib/build/ingest";
import { InputFolderError } from "../../lib/ingest/files";
import { retrieve } from "../../lib/retrieve/retrieve";
import { openStore } from "../../lib/store/open";
import type { EmbeddedStore } from "../../lib/store/embedded";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLES = join(ROOT, "data/releases");
const embedder = new HashEmbedder();
let work: string;
const opened: EmbeddedStore[] = [];

/** Opens the live store of an index folder (closed after the tests). */
async function open(dir: string, expectEmbedderId?: string): Promise<EmbeddedStore> {
  const store = await openStore({ dir, expectEmbedderId });
  opened.push(store);
  return store;
}

/** Every chunk of a store, through the public interface. */
async function allChunks(store: EmbeddedStore) {
  const ids = (await store.releaseList()).map((r) => r.releaseId);
  return [...(await store.chunks(await store.chunkLabels(ids))).values()];
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "oim-ingest-"));
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await rm(work, { recursive: true, force: true });
});

async function copySamples(name: string): Promise<string> {
  const dir = join(work, name);
  await cp(SAMPLES, dir, { recursive: true });
  return dir;
}

describe("ingest → load → search", () => {
  it("indexes the samples and finds the right release", async () => {
    const dir = join(work, "idx-search");
    const summary = await ingest({ input: SAMPLES, dir, embedder, warn: () => {} });
    expect(summary.releases).toBe(5);
    expect(summary.skipped).toEqual([]);
    expect(summary.chunks).toBeGreaterThanOrEqual(5);
    const store = await open(dir, embedder.id);
    const info = await store.info();
    expect(info).toMatchObject({ kind: "embedded", releases: 5, chunks: summary.chunks, embedder: { id: embedder.id, dimension: 512 } });
    expect((await store.releaseList()).map((r) => r.releaseId).sort()).toHaveLength(5);
    const cases: [string, string][] = [
      ["Qui finance l'atelier de Panama ?", "000_120eaf54a8d4fb0e"],
      ["accord de coopération avec le Parlatino", "001_b45dd83a0103b98f"],
      ["Dialogue de haut niveau publication du CCS", "002_a302ce89266d0179"],
      ["Sommet ibéro-américain à Montevideo", "003_519b850f4663359a"],
      ["formation des autorités locales à Turin", "004_d574b86eb03e76ad"],
    ];
    for (const [question, releaseId] of cases) {
      const { passages } = await retrieve({ store, embedder, question, k: 5 });
      expect(passages[0]!.releaseId, question).toBe(releaseId);
      expect(passages[0]!.fusedScore).toBeGreaterThan(0);
      expect(passages[0]!.fusedScore).toBeLessThanOrEqual(1);
      for (let i = 1; i < passages.length; i++) expect(passages[i - 1]!.fusedScore).toBeGreaterThanOrEqual(passages[i]!.fusedScore);
    }
  });

  it("refuses to query an index with another embedder, saying how to rebuild", async () => {
    const dir = join(work, "idx-search");
    await expect(open(dir, "transformers:Xenova/multilingual-e5-small:q8")).rejects.toThrow(
      /built with the embedder "hash:v4:512".*npm run ingest -- --rebuild --embedder transformers/,
    );
  });
});

describe("incremental ingestion", () => {
  it("re-embeds nothing when unchanged, only what changed, and drops deleted releases", async () => {
    const input = await copySamples("inc-input");
    const dir = join(work, "inc-idx");
    const first = await ingest({ input, dir, embedder, warn: () => {} });
    expect(first.embedded).toBe(first.chunks);

    const second = await ingest({ input, dir, embedder, warn: () => {} });
    expect(second.upToDate).toBe(true);
    expect(second.embedded).toBe(0);

    const file = join(input, "004_d574b86eb03e76ad.txt");
    await writeFile(file, `${await readFile(file, "utf8")}\nUn paragraphe ajouté sur la coopération avec Lyon.`);
    await rm(join(input, "002_a302ce89266d0179.txt"));
    const third = await ingest({ input, dir, embedder, warn: () => {} });
    expect(third.upToDate).toBe(false);
    expect(third.changed).toBe(1);
    expect(third.removed).toBe(1);
    expect(third.fullBuild).toBe(false);
    const store = await open(dir);
    const chunks = await allChunks(store);
    const changedChunks = chunks.filter((c) => c.releaseId === "004_d574b86eb03e76ad").length;
    expect(third.embedded).toBe(changedChunks);
    expect(third.reused).toBe(chunks.length - changedChunks);
    expect((await store.releases(["002_a302ce89266d0179"])).size).toBe(0);
    expect(chunks.some((c) => c.text.includes("Lyon"))).toBe(true);

    const rebuilt = await ingest({ input, dir, embedder, rebuild: true, warn: () => {} });
    expect(rebuilt.embedded).toBe(rebuilt.chunks);
    expect(rebuilt.fullBuild).toBe(true);
  });
});

describe("atomic writes", () => {
  it("leaves the previous index live and loadable when a build dies before committing", async () => {
    const input = await copySamples("crash-input");
    const dir = join(work, "crash-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    await writeFile(join(input, "new-release.txt"), "Nouveau communiqué\nGenève - L'OIM ouvre un bureau à Lausanne pour les migrants.");
    await expect(
      ingest({
        input,
        dir,
        embedder,
        warn: () => {},
        beforeCommit: () => {
          throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    const after = await open(dir);
    expect((await after.info()).releases).toBe(5);
    expect((await after.releases(["new-release"])).size).toBe(0);
    expect((await readdir(dir)).filter((e) => e.startsWith(".tmp-"))).toEqual([]);
  });

  it("survives a process killed in the middle of writing", async () => {
    const input = await copySamples("kill-input");
    const dir = join(work, "kill-idx");
    await ingest({ input, dir, embedder, warn: () => {} });
    await writeFile(join(input, "extra.txt"), "Extra\nRome - Un autre communiqué.");
    // a child process that is killed just before its change set is committed
    const script = `
      import { ingest } from ${JSON.stringify(join(ROOT, "lib/build/ingest.ts"))};
      import { HashEmbedder } from ${JSON.stringify(join(ROOT, "lib/embeddings/hash.ts"))};
      await ingest({ input: ${JSON.stringify(input)}, dir: ${JSON.stringify(dir)}, embedder: new HashEmbedder(), warn: () => {},
        beforeCommit: () => process.kill(process.pid, "SIGKILL") });`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT });
    expect(r.signal).toBe("SIGKILL");
    const after = await open(dir);
    expect((await after.info()).releases).toBe(5);
    // the next run cleans up and succeeds
    const next = await ingest({ input, dir, embedder, warn: () => {} });
    expect(next.releases).toBe(6);
    expect((await readdir(dir)).filter((e) => e.startsWith(".tmp-"))).toEqual([]);
  });
});

describe("bad input", () => {
  it("skips empty, binary and unreadable files with a reason, indexing the rest", async () => {
    const input = await copySamples("bad-input");
    await writeFile(join(input, "empty.txt"), "");
    await writeFile(join(input, "image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    await writeFile(join(input, "latin1.txt"), Buffer.from("Titre\nGenève - Un communiqué encodé en Latin-1, café.", "latin1"));
    await writeFile(join(input, "ignored.pdf"), "not a release");
    const warnings: string[] = [];
    const summary = await ingest({ input, dir: join(work, "bad-idx"), embedder, warn: (m) => warnings.push(m) });
    expect(summary.releases).toBe(6);
    expect(summary.skipped.map((s) => s.source).sort()).toEqual(["empty.txt", "image.txt"]);
    expect(summary.skipped.find((s) => s.source === "empty.txt")!.reason).toMatch(/empty/);
    expect(summary.skipped.find((s) => s.source === "image.txt")!.reason).toMatch(/binary/);
    expect(warnings.some((w) => w.includes("latin1.txt") && /UTF-8/.test(w))).toBe(true);
    const store = await open(join(work, "bad-idx"));
    expect((await store.releases(["latin1"])).get("latin1")!.text).toContain("café");
  });

  it("refuses a missing input folder and a folder without releases, leaving the index untouched", async () => {
    const dir = join(work, "idx-search");
    const before = await (await open(dir)).info();
    await expect(ingest({ input: join(work, "nope"), dir, embedder })).rejects.toBeInstanceOf(InputFolderError);
    const empty = join(work, "empty-input");
    await cp(SAMPLES, empty, { recursive: true, filter: (src) => !src.endsWith(".txt") });
    await writeFile(join(empty, "blank.txt"), "");
    await expect(ingest({ input: empty, dir, embedder, warn: () => {} })).rejects.toBeInstanceOf(NoReleasesError);
    expect(await (await open(dir)).info()).toEqual(before);
  });

  it("refuses an index folder inside the input folder, and never removes files it did not write", async () => {
    const input = await copySamples("nested-input");
    await expect(ingest({ input, dir: join(input, "idx"), embedder, warn: () => {} })).rejects.toBeInstanceOf(InputFolderError);
    await expect(ingest({ input, dir: input, embedder, warn: () => {} })).rejects.toThrow(/must not contain each other/);
    const dir = join(work, "shared-idx");
    await cp(SAMPLES, join(dir, "notes"), { recursive: true });
    await writeFile(join(dir, "v-notes.txt"), "mine");
    await ingest({ input, dir, embedder, warn: () => {} });
    await writeFile(join(input, "extra.txt"), "Extra\nRome - Un autre communiqué.");
    await ingest({ input, dir, embedder, warn: () => {} });
    await writeFile(join(input, "extra2.txt"), "Extra 2\nRome - Encore un communiqué.");
    await ingest({ input, dir, embedder, warn: () => {} });
    await ingest({ input, dir, embedder, rebuild: true, warn: () => {} });
    await ingest({ input, dir, embedder, rebuild: true, warn: () => {} });
    const entries = await readdir(dir);
    expect(entries).toContain("v-notes.txt");
    expect(entries).toContain("notes");
    expect(entries.filter((e) => /^v-\d{17}-/.test(e))).toHaveLength(2);
  });

  it("exits 2 for a missing folder and 1 for no release from the command line", () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], { cwd: ROOT, encoding: "utf8" });
    const missing = run(["--input", join(work, "nope"), "--index", join(work, "cli-idx"), "--embedder", "hash"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Input folder not found/);
    const bad = run(["--embedder", "word2vec"]);
    expect(bad.status).toBe(2);
    const none = run(["--input", join(work, "empty-input"), "--index", join(work, "cli-idx"), "--embedder", "hash"]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/None of the .* could be indexed|No release files/);
    const ok = run(["--input", SAMPLES, "--index", join(work, "cli-idx"), "--embedder", "hash"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/releases read: +5 file\(s\), 5 indexed/);
    expect(ok.stdout).toMatch(/embedder: +hash:v4:512/);
  });
});
