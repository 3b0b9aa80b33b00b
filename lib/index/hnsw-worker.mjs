// Builds one HNSW shard in a worker thread and writes it to disk (plain JS: no loader needed).
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
const { HierarchicalNSW } = require("hnswlib-node");

const { dimension, M, efConstruction, vectors, firstLabel, count, file } = workerData;
const all = new Float32Array(vectors);
const index = new HierarchicalNSW("cosine", dimension);
index.initIndex(Math.max(1, count), M, efConstruction, 100 + firstLabel);
for (let i = 0; i < count; i++) {
  index.addPoint(Array.from(all.subarray(i * dimension, (i + 1) * dimension)), firstLabel + i);
}
index.writeIndexSync(file);
parentPort.postMessage({ ok: true });
