import pg from "pg";
import { AppError } from "../../errors";

/**
 * A connection pool with the timeouts a server needs: a dead database fails fast, then
 * recovers. An ingest's pool has no statement timeout (building an index takes minutes).
 */
export function createPool(url: string, options: { ingest?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.ingest ? 2 : 8,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(options.ingest ? {} : { statement_timeout: 15_000, query_timeout: 20_000 }),
    application_name: options.ingest ? "oim-assistant-ingest" : "oim-assistant",
  });
  // an idle client whose server went away must not crash the process
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    // the HNSW search explores as many candidates as the embedded graph does
    client.query("SET hnsw.ef_search = 128").catch(() => undefined);
  });
  return pool;
}

/** A `postgres://` URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

/** Whether an error means the database cannot be reached (rather than a bad query). */
function unavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? "";
  const message = (err as Error).message ?? "";
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE|57P0[1-3]|08\d\d\d|53300)$/.test(code) ||
    /timeout|terminat|Connection terminated|connect/i.test(message)
  );
}

/** Runs database work; a database that cannot be reached becomes a 503 with the reason (no credentials, no stack). */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (unavailable(err)) {
      const code = (err as { code?: string }).code;
      throw new AppError("index_unavailable", `The database is unavailable${code ? ` (${code})` : ""}. Answers resume as soon as it is back.`, { cause: err });
    }
    throw err;
  }
}
