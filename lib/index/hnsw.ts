import type { HierarchicalNSW } from "hnswlib-node";

/** HNSW parameters recorded in the manifest. */
export const HNSW_DEFAULTS = { space: "cosine" as const, M: 16, efConstruction: 200, efSearch: 128 };

type HnswModule = typeof import("hnswlib-node");
let modulePromise: Promise<HnswModule> | undefined;

/** Loads the native hnswlib-node lazily, with an install hint when it is missing. */
export async function loadHnswlib(): Promise<HnswModule> {
  modulePromise ??= import("hnswlib-node")
    .then((m) => ((m as { default?: HnswModule }).default ?? m) as HnswModule)
    .catch((err: unknown) => {
      modulePromise = undefined;
      throw new Error(
        "hnswlib-node could not be loaded. Run `npm install` (it compiles with python3, make and g++).",
        { cause: err },
      );
    });
  return modulePromise;
}

/** Builds an HNSW cosine index over `vectors` (label = position). */
export async function buildHnsw(input: {
  vectors: Float32Array[];
  dimension: number;
  M?: number;
  efConstruction?: number;
  efSearch?: number;
}): Promise<HierarchicalNSW> {
  const { HierarchicalNSW } = await loadHnswlib();
  const index = new HierarchicalNSW("cosine", input.dimension);
  index.initIndex(Math.max(1, input.vectors.length), input.M ?? HNSW_DEFAULTS.M, input.efConstruction ?? HNSW_DEFAULTS.efConstruction, 100);
  input.vectors.forEach((v, label) => index.addPoint(Array.from(v), label));
  index.setEf(input.efSearch ?? HNSW_DEFAULTS.efSearch);
  return index;
}

/** Reads an HNSW index; `ef` is reset to 10 by readIndex, so it is set again here. */
export async function readHnsw(input: { file: string; dimension: number; efSearch: number }): Promise<HierarchicalNSW> {
  const { HierarchicalNSW } = await loadHnswlib();
  const index = new HierarchicalNSW("cosine", input.dimension);
  await index.readIndex(input.file);
  index.setEf(input.efSearch);
  return index;
}
