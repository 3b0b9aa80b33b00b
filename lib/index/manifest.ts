import { z } from "zod";

/** Version of the on-disk index layout; bump when it changes incompatibly. */
export const SCHEMA_VERSION = 1;

export const manifestSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  buildId: z.string().min(1),
  builtAt: z.string().min(1),
  embedder: z.object({ id: z.string().min(1), dimension: z.number().int().positive() }),
  hnsw: z.object({
    space: z.literal("cosine"),
    M: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    efSearch: z.number().int().positive(),
    shards: z.number().int().positive(),
  }),
  lexical: z.object({ library: z.string(), algorithm: z.string(), analyzerVersion: z.number().int() }),
  chunking: z.object({ maxWords: z.number().int().positive(), overlapWords: z.number().int().min(0) }),
  counts: z.object({ releases: z.number().int().min(0), chunks: z.number().int().min(0) }),
  /** Per release: content hash of the cleaned release, raw file hash, source path, chunk count. */
  releases: z.record(
    z.string(),
    z.object({ contentHash: z.string(), fileHash: z.string(), source: z.string(), chunks: z.number().int().min(0) }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Validates a parsed manifest; the error lists what is wrong. */
export function parseManifest(value: unknown): Manifest {
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    const what = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`invalid index manifest (${what})`);
  }
  return result.data;
}
