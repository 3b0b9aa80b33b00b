// Production HTTP server: Next.js request handler in one or more cluster workers sharing the
// port, so that a multi-core machine serves answers on every core. Plain JS so that it starts
// without a TypeScript loader. PORT, HOST and WEB_CONCURRENCY come from `npm start`.
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import next from "next";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY || Math.min(2, availableParallelism())));
const dir = fileURLToPath(new URL("..", import.meta.url));
/** Exit code of a worker that cannot serve at all (e.g. the port is taken). */
const FATAL = 78;

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  process.env.WEB_CONCURRENCY = String(workers);
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (code === FATAL) {
      // the port cannot be had: restarting would fail the same way
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
      process.exit(1);
    }
    console.error(`[serve] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
    let alive = Object.keys(cluster.workers ?? {}).length;
    if (alive === 0) process.exit(0);
    cluster.on("exit", () => {
      alive -= 1;
      if (alive <= 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  if (cluster.isPrimary) process.env.WEB_CONCURRENCY = "1";
  const app = next({ dev: false, dir, hostname: host ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error("[serve] unhandled request error:", err);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ error: { code: "internal", message: "Internal error. Please try again later." } }));
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on("error", (err) => {
    const why = err.code === "EADDRINUSE" ? `port ${port} is already in use (set PORT to another one)` : err.message;
    if (cluster.isPrimary || cluster.worker?.id === 1) console.error(`error: cannot serve: ${why}`);
    process.exit(cluster.isWorker ? FATAL : 1);
  });
  server.listen(port, host, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`Serving on http://${host ?? "localhost"}:${port} (${workers} worker${workers > 1 ? "s" : ""})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
