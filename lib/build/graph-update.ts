import { loadGraph, writeFullGraph, writeGraphSnapshot } from "../store/graph";
import type { StoreWriter } from "../store/writer";

/** Above this share of points marked deleted, the graph is rebuilt compactly instead of patched. */
const MAX_DELETED_SHARE = 0.25;

/**
 * Brings the graph snapshot of a version folder up to the store's sequence `seq`: the last
 * snapshot is loaded, the committed changes are applied in place (added points, marked
 * deletions) and only the changed shards are written again.
 */
export async function updateGraph(input: { dir: string; writer: StoreWriter; seq: number; log?: (m: string) => void }): Promise<void> {
  const { dir, writer, seq } = input;
  const { graph } = await loadGraph({ dir, source: writer.source, dimension: writer.storeMeta.dimension, log: input.log });
  if (graph.deletedCount > MAX_DELETED_SHARE * Math.max(1, graph.size)) {
    await writeFullGraph({ dir, source: writer.source, dimension: writer.storeMeta.dimension, seq });
    return;
  }
  await writeGraphSnapshot({ dir, graph, seq });
}
