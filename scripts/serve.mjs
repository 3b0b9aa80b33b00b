// Production HTTP server: Next.js request handler in one or more cluster workers sharing the
// port, so that a multi-core machine serves answers on every core. Plain JS so that it starts
// without a TypeScript loader. PORT, HOST and WEB_CONCURRENCY come from `npm start`.
import cluster from "node:cluster";
import { rmSync } from "node:fs";
import http from "node:http";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { clientAddress, parseTrustProxy } from "./client-address.mjs";

const port = Number(process.env.PORT || 3000);
// loopback by default: set HOST=0.0.0.0 (e.g. in a container) to listen on every interface
const host = process.env.HOST || "127.0.0.1";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY || Math.min(2, availableParallelism())));
const dir = fileURLToPath(new URL("..", import.meta.url));
/** Exit code of a worker that cannot serve at all (e.g. the port is taken). */
const FATAL = 78;
/** Methods any route may serve; anything else (TRACE, CONNECT, made-up ones) gets the contract's 405. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

// the request counts of the rate limit, shared by the workers (one bucket per client)
if (cluster.isPrimary && !process.env.OIM_RATE_DB) {
  const file = join(tmpdir(), `oim-rate-${process.pid}.db`);
  process.env.OIM_RATE_DB = file;
  process.on("exit", () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  });
}

/**
 * Heap ceiling of a worker (MB): the answer path leaves short-lived garbage that V8 would
 * otherwise let grow to several hundred MB per worker before collecting it; its live data
 * (Next.js, the analysis memo) stays far below. `WORKER_HEAP_MB=0`, or a
 * `--max-old-space-size` of one's own in NODE_OPTIONS, leaves V8's default.
 */
const heapMb = workerHeapMb(process.env.WORKER_HEAP_MB);

/** WORKER_HEAP_MB as a whole number of MB (128 at least, 0 for none), 320 when unset or invalid (said once). */
function workerHeapMb(raw) {
  if (raw === undefined || raw.trim() === "") return 320;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0 || mb > 1_048_576) {
    if (cluster.isPrimary) console.error(`[serve] WORKER_HEAP_MB=${JSON.stringify(raw.slice(0, 40))} is not a whole number of MB (0 for V8's default): using 320`);
    return 320;
  }
  return mb === 0 ? 0 : Math.max(128, mb);
}

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  process.env.WEB_CONCURRENCY = String(workers);
  // a heap size of one's own, given to node or in NODE_OPTIONS (either spelling), is kept
  const ownHeap = /--max[-_]old[-_]space[-_]size/.test([...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" "));
  if (heapMb > 0 && !ownHeap) cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${heapMb}`] });
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
  // route handlers see the client's address in this header, set here only (never taken from the request)
  process.env.OIM_CLIENT_HEADER = "x-oim-client";
  const trust = parseTrustProxy(process.env.TRUST_PROXY);
  const app = next({ dev: false, dir, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    if (!METHODS.has(req.method ?? "")) {
      res.writeHead(405, { "content-type": "application/json; charset=utf-8", allow: [...METHODS].join(", ") });
      res.end(JSON.stringify({ error: { code: "method_not_allowed", message: `${String(req.method).slice(0, 20)} is not allowed.` } }));
      return;
    }
    req.headers["x-oim-client"] = clientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trust });
    handle(req, res).catch((err) => {
      console.error("[serve] unhandled request error:", err);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ error: { code: "internal", message: "Internal error. Please try again later." } }));
      } else res.destroy();
    });
  });
  // requests Node's parser refuses (a made-up method, a malformed header) get the contract's JSON 400
  server.on("clientError", (err, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ error: { code: "bad_request", message: "Malformed HTTP request." } });
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  // CONNECT (tunnels) is not served either: the same JSON 405
  server.on("connect", (_req, socket) => {
    const body = JSON.stringify({ error: { code: "method_not_allowed", message: "CONNECT is not allowed." } });
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nallow: ${[...METHODS].join(", ")}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  server.keepAliveTimeout = 65_000;
  // a request (headers and body) must arrive within the answer timeout, plus a margin
  server.requestTimeout = Number(process.env.REQUEST_TIMEOUT_MS || 60_000) + 5_000;
  server.headersTimeout = Math.min(server.requestTimeout, 20_000);
  server.on("error", (err) => {
    const why = err.code === "EADDRINUSE" ? `port ${port} is already in use (set PORT to another one)` : err.message;
    if (cluster.isPrimary || cluster.worker?.id === 1) console.error(`error: cannot serve: ${why}`);
    process.exit(cluster.isWorker ? FATAL : 1);
  });
  server.listen(port, host, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`Serving on http://${host.includes(":") ? `[${host}]` : host}:${port} (${workers} worker${workers > 1 ? "s" : ""})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
