import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "../lib/build-state";

/** Builds the Next.js app once before the suite when the e2e tests will need it. */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  if (process.env.SKIP_NEXT_BUILD === "1" || !(await buildIsStale(root))) return;
  console.log("[setup] building the app for the end-to-end tests (next build)…");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
}
