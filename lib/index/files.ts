import { readFile, writeFile } from "node:fs/promises";

/** File names inside one index version folder. */
export const FILES = {
  manifest: "manifest.json",
  vectors: "vectors.f32",
  chunks: "chunks.json",
  releases: "releases.json",
  lexical: "lexical.json",
} as const;

/** Name of the symlink that points at the live version folder. */
export const CURRENT = "current";

export async function writeVectors(file: string, vectors: Float32Array[], dimension: number): Promise<void> {
  const all = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => all.set(v, i * dimension));
  await writeFile(file, Buffer.from(all.buffer, all.byteOffset, all.byteLength));
}

export async function readVectors(file: string, dimension: number): Promise<Float32Array[]> {
  const buf = await readFile(file);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const out: Float32Array[] = [];
  for (let i = 0; i + dimension <= all.length; i += dimension) out.push(all.subarray(i, i + dimension));
  return out;
}
