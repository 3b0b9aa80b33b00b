import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../lib/answer/answer";
import { ingest } from "../../lib/build/ingest";
import { HashEmbedder } from "../../lib/embeddings/hash";
import { EngineHolder } from "../../lib/engine";
import { AppError } from "../../lib/errors";
import { goldenSchema } from "../../lib/eval/golden";
import { IndexBusyError } from "../../lib/store/lock";
import { PgAnswerLog } from "../../lib/store/postgres/answer-log";
import { migrate } from "../../lib/store/postgres/migrations";
import { postgresTarget } from "../../lib/store/postgres/writer";
import * as healthRoute from "../../app/api/health/route";
import { healthSchema } from "../../lib/contract";
import { setEngineDatabaseForTests } from "../../lib/http/server-engine";
import { HAVE_POSTGRES, POSTGRES_MISSING, startPostgres, type ThrowawayPostgres } from "../helpers/postgres";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLES = join(ROOT, "data/releases");
const IN_CI = process.env.CI === "true";
const embedder = new HashEmbedder();
const NEW_RELEASE = "Nouveau bureau à Lausanne\nLausanne - L'OIM ouvre un bureau à Lausanne pour accueillir les migrants venus du Valais et du Jura.";

if (!HAVE_POSTGRES && !IN_CI) console.warn(`\n${"!".repeat(72)}\n!! ${POSTGRES_MISSING}\n!! The PostgreSQL tests are SKIPPED.\n${"!".repeat(72)}\n`);

describe.skipIf(!HAVE_POSTGRES && !IN_CI)("PostgreSQL store (a real server)", () => {
  let db: ThrowawayPostgres;
  let work: string;
  const holders: EngineHolder[] = [];
  const holder = () => {
    const h = new EngineHolder({ dir: "unused", modelsDir: "unused", databaseUrl: db.url, checkEveryMs: 0 });
    holders.push(h);
    return h;
  };
  const ingestInto = (input: string, extra: Partial<Parameters<typeof ingest>[0]> = {}) =>
    ingest({ input, dir: "unused", embedder, target: postgresTarget(db.url), warn: () => {}, ...extra });

  beforeAll(async () => {
    if (!HAVE_POSTGRES) throw new Error(POSTGRES_MISSING);
    db = await startPostgres();
    work = await mkdtemp(join(tmpdir(), "oim-pg-test-"));
  }, 120_000);

  afterAll(async () => {
    for (const h of holders) await h.close();
    await db?.destroy();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("answers the golden questions with the same citations as the embedded store", async () => {
    const summary = await ingestInto(SAMPLES);
    expect(summary).toMatchObject({ releases: 5, fullBuild: true });
    await ingest({ input: SAMPLES, dir: join(work, "embedded"), embedder, warn: () => {} });
    const shared = await holder().get();
    const embedded = await new EngineHolder({ dir: join(work, "embedded"), modelsDir: "unused" }).get();
    expect(await shared.store.info()).toMatchObject({ kind: "postgres", releases: 5, chunks: summary.chunks, embedder: { id: embedder.id } });
    const golden = goldenSchema.parse(JSON.parse(await (await import("node:fs/promises")).readFile(join(ROOT, "test/fixtures/golden.json"), "utf8")));
    for (const q of golden.questions) {
      const [a, b] = [await answer({ engine: shared, question: q.question, history: q.history }), await answer({ engine: embedded, question: q.question, history: q.history })];
      expect(a.answer, q.id).toBe(b.answer);
      expect(a.citations.map((c) => [c.releaseId, c.passage]), q.id).toEqual(b.citations.map((c) => [c.releaseId, c.passage]));
    }
    await embedded.store.close();
  }, 120_000);

  it("applies one release changed, added and removed, and every server sees it", async () => {
    const input = join(work, "inc");
    await cp(SAMPLES, input, { recursive: true });
    await ingestInto(input);
    const [one, two] = [holder(), holder()];
    await one.get();
    await two.get();
    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE);
    const added = await ingestInto(input);
    expect(added).toMatchObject({ fullBuild: false, changed: 1, removed: 0 });
    for (const h of [one, two]) {
      const a = await answer({ engine: await h.get(), question: "Où l'OIM ouvre-t-elle un bureau pour les migrants du Valais ?" });
      expect(a.citations[0]?.releaseId).toBe("lausanne");
    }
    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE.replace(/Lausanne/g, "Montreux"));
    expect(await ingestInto(input)).toMatchObject({ changed: 1, removed: 0 });
    expect((await (await one.get()).store.releaseLexical(["lausann"], 5)).map((h) => h.releaseId)).not.toContain("lausanne");
    await rm(join(input, "lausanne.txt"));
    expect(await ingestInto(input)).toMatchObject({ changed: 0, removed: 1, embedded: 0 });
    expect(await (await two.get()).store.info()).toMatchObject({ releases: 5 });
  }, 120_000);

  it("leaves the previous state after a killed ingest, and serialises ingests", async () => {
    const input = join(work, "kill");
    await cp(SAMPLES, input, { recursive: true });
    await ingestInto(input);
    await writeFile(join(input, "lausanne.txt"), NEW_RELEASE);
    const script = `
      import { ingest } from ${JSON.stringify(join(ROOT, "lib/build/ingest.ts"))};
      import { postgresTarget } from ${JSON.stringify(join(ROOT, "lib/store/postgres/writer.ts"))};
      import { HashEmbedder } from ${JSON.stringify(join(ROOT, "lib/embeddings/hash.ts"))};
      await ingest({ input: ${JSON.stringify(input)}, dir: "unused", embedder: new HashEmbedder(), target: postgresTarget(${JSON.stringify(db.url)}), warn: () => {},
        beforeCommit: () => process.kill(process.pid, "SIGKILL") });`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT });
    expect(r.signal).toBe("SIGKILL");
    const h = holder();
    expect((await (await h.get()).store.releases(["lausanne"])).size).toBe(0);
    expect(await (await h.get()).store.info()).toMatchObject({ releases: 5 });

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = ingestInto(input, { beforeCommit: async () => (entered(), await held) });
    await inside;
    await expect(ingestInto(input)).rejects.toBeInstanceOf(IndexBusyError);
    release();
    expect((await first).changed).toBe(1);
    expect((await (await h.get()).store.releases(["lausanne"])).size).toBe(1);
  }, 120_000);

  it("answers 503 with the reason while the database is down, then again when it is back", async () => {
    const h = holder();
    const engine = await h.get();
    expect((await answer({ engine, question: "Qui finance l'atelier de Panama ?" })).abstained).toBe(false);
    db.stop();
    try {
      const err = await h.get().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(503);
      expect((err as AppError).message).toMatch(/database is unavailable/);
      expect((err as AppError).message).not.toMatch(/secret|postgres:\/\//);
    } finally {
      db.start();
    }
    const again = await h.get();
    expect((await answer({ engine: again, question: "Qui finance l'atelier de Panama ?" })).abstained).toBe(false);
  }, 120_000);

  it("says in /api/health that PostgreSQL serves, without the password", async () => {
    setEngineDatabaseForTests(db.url);
    const res = await healthRoute.GET(new Request("http://test/api/health"));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(healthSchema.parse(JSON.parse(text))).toMatchObject({ status: "ok", store: "postgres", releases: 6 });
    expect(text).not.toMatch(/secret|postgres:\/\//);
  });

  it("keeps answers and their feedback in the database, within the retention", async () => {
    const log = new PgAnswerLog(db.url);
    try {
      await log.record({ id: "a_pg1", question: "Q ?", answer: "R [1].", releaseIds: ["r1"], mode: "extractive", at: new Date().toISOString() });
      await log.record({ id: "a_old", question: "Q ?", answer: "R.", releaseIds: [], mode: "extractive", at: new Date(Date.now() - 40 * 86_400_000).toISOString() });
      expect(await log.rate({ answerId: "a_pg1", rating: "down", comment: "Faux.", at: new Date().toISOString() })).toBe(true);
      expect(await log.rate({ answerId: "a_nope", rating: "up", at: new Date().toISOString() })).toBe(false);
      await log.prune(new Date(), 30);
      expect(await log.rate({ answerId: "a_old", rating: "up", at: new Date().toISOString() })).toBe(false);
      expect((await log.feedback()).map((r) => [r.id, r.rating, r.comment, r.releaseIds])).toEqual([["a_pg1", "down", "Faux.", ["r1"]]]);
    } finally {
      await log.close();
    }
  });

  it("records its schema migrations, and applies them once", async () => {
    const pool = new pg.Pool({ connectionString: db.url });
    try {
      expect(await migrate(pool)).toBe(2);
      expect((await pool.query("SELECT version FROM schema_migrations ORDER BY version")).rows).toEqual([{ version: 1 }, { version: 2 }]);
    } finally {
      await pool.end();
    }
  });
});
