/**
 * npm run ingest -- [--input DIR] [--index DIR] [--embedder auto|transformers|hash] [--model ID] [--rebuild]
 * Exit codes: 0 success, 1 failure (nothing indexable, embedding error), 2 bad usage or input folder.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { config } from "../lib/config";
import { createEmbedder } from "../lib/embeddings/create";
import type { EmbedderKind } from "../lib/embeddings/embedder";
import { InputFolderError } from "../lib/ingest/files";
import { ingest, NoReleasesError } from "../lib/build/ingest";
import { IndexBusyError } from "../lib/store/lock";
import { postgresTarget } from "../lib/store/postgres/writer";

const USAGE =
  "usage: npm run ingest -- [--input DIR] [--index DIR] [--embedder auto|transformers|hash] [--model ID] [--rebuild]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        input: { type: "string", default: "data/releases" },
        index: { type: "string" },
        embedder: { type: "string", default: "auto" },
        model: { type: "string" },
        rebuild: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const kind = args.embedder as EmbedderKind;
  if (!["auto", "transformers", "hash"].includes(kind)) {
    console.error(`--embedder must be auto, transformers or hash (got "${args.embedder}")\n${USAGE}`);
    return 2;
  }
  const cfg = config();
  const dir = args.index ?? cfg.INDEX_DIR;
  // --index names an embedded index; without it, DATABASE_URL (when set) is the store
  const target = !args.index && cfg.DATABASE_URL ? postgresTarget(cfg.DATABASE_URL) : undefined;
  const log = (line: string) => console.error(line);
  const started = performance.now();
  try {
    const embedder = await createEmbedder({ kind, model: args.model, modelsDir: cfg.MODELS_DIR, log });
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: "embedding [{bar}] {percentage}% | {value}/{total} chunks | {eta_formatted} left", stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
    let lastDecile = -1;
    const summary = await ingest({
      input: args.input,
      dir,
      embedder,
      rebuild: args.rebuild,
      target,
      maxFileBytes: cfg.RELEASE_MAX_BYTES,
      warn: (m) => log(`warning: ${m}`),
      stage: (m) => log(m),
      progress: (done, total) => {
        if (bar) {
          if (done <= 32 || !bar.getTotal()) bar.start(total, 0);
          bar.update(done);
          if (done === total) bar.stop();
        } else {
          const decile = Math.floor((done / total) * 10);
          if (decile !== lastDecile) {
            lastDecile = decile;
            log(`embedding ${done}/${total} chunks`);
          }
        }
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const lines = [
      summary.upToDate ? `Index in ${target?.name ?? dir} is up to date.` : summary.fullBuild ? `Index written to ${target?.name ?? dir}.` : `Index in ${target?.name ?? dir} updated in place.`,
      `  releases read:    ${summary.filesRead} file(s), ${summary.releases} indexed`,
      `  skipped:          ${summary.skipped.length}${summary.skipped.map((s) => `\n    - ${s.source}: ${s.reason}`).join("")}`,
      `  chunks:           ${summary.chunks} (${summary.embedded} embedded, ${summary.reused} reused)`,
      `  changed/removed:  ${summary.changed} changed or new, ${summary.removed} removed`,
      `  embedder:         ${summary.embedderId}`,
      `  time:             ${seconds} s`,
    ];
    console.log(lines.join("\n"));
    return 0;
  } catch (err) {
    if (err instanceof InputFolderError) {
      console.error(`error: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof NoReleasesError || err instanceof IndexBusyError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    console.error(`error: ingestion failed: ${(err as Error).message}`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
