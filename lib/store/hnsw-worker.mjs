// Builds one HNSW shard in a worker thread and writes it to disk (plain JS: no loader needed).
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
const { HierarchicalNSW } = require("hnswlib-node");

const { dimension, M, efConstruction, vectors, labels, seed, file } = workerData;
const all = new Float32Array(vectors);
const ids = new Uint32Array(labels);
const index = new HierarchicalNSW("cosine", dimension);
index.initIndex(Math.max(16, ids.length), M, efConstruction, seed);
for (let i = 0; i < ids.length; i++) {
  index.addPoint(Array.from(all.subarray(i * dimension, (i + 1) * dimension)), ids[i]);
}
index.writeIndexSync(file);
parentPort.postMessage({ ok: true });
