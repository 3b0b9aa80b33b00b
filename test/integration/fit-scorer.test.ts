import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DECISION_FEATURES } from "../../lib/answer/abstain";
import { FEATURES } from "../../lib/answer/features";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("npm run fit-scorer", () => {
  it("fits the scorer on golden questions, reports training and held-out apart, and writes a weights module", async () => {
    const dir = await mkdtemp(join(tmpdir(), "oim-fit-test-"));
    const out = join(dir, "weights.ts");
    try {
      const r = spawnSync(
        process.execPath,
        ["--import", "tsx", "scripts/fit-scorer.ts", "--train", "test/fixtures/golden.json@data/releases", "--held-out", "test/fixtures/golden.json@data/releases", "--write", "--out", out],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/training questions \d+ \(\d+ with a candidate holding the fact\)/);
      expect(r.stdout).toMatch(/^train .*best sentence/m);
      expect(r.stdout).toMatch(/^held-out .*best sentence/m);
      expect(r.stdout).toMatch(/decision on training questions/);
      const written = await readFile(out, "utf8");
      expect(written).toContain("export const SCORER");
      expect(written).toContain("export const DECIDER");
      for (const f of FEATURES) expect(written).toMatch(new RegExp(`\\b${f}: -?\\d`));
      for (const f of DECISION_FEATURES) expect(written).toMatch(new RegExp(`\\b${f}: -?\\d`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses a set without its releases folder", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/fit-scorer.ts", "--train", "test/fixtures/golden.json"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FILE@DIR/);
  });
});
