import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function exec(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}: ${err.slice(-2000)}`))));
  });
}

export interface RunningServer {
  url: string;
  indexDir: string;
  /** The server's process id (its workers are its children). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Ingests data/releases (hash embedder) into a temp index and starts the production server
 * (scripts/serve.mjs over the build made by the global setup) on a free port.
 */
export async function startServer(options: { env?: NodeJS.ProcessEnv; indexDir?: string } = {}): Promise<RunningServer> {
  const ownIndex = !options.indexDir;
  const indexDir = options.indexDir ?? (await mkdtemp(join(tmpdir(), "oim-e2e-index-")));
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", INDEX_DIR: indexDir, RATE_LIMIT_PER_MINUTE: "0", ...options.env };
  if (ownIndex) await exec(["--import", "tsx", "scripts/ingest.ts", "--input", "data/releases", "--index", indexDir, "--embedder", "hash"], env);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${log.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy in 60 s: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    indexDir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (ownIndex) await rm(indexDir, { recursive: true, force: true });
    },
  };
}
