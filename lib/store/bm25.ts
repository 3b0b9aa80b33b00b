/**
 * BM25 over posting lists: the lexical index of the embedded store. Pure: no I/O.
 *
 * A document (a chunk, or a whole release) is the project's analysed terms of its title
 * (with the dateline place) and of its body; the title counts TITLE_WEIGHT times a body
 * occurrence. Term frequencies are stored ×10 as integers so the weighting survives storage.
 */

/** Weight of a title occurrence against a body occurrence (the title repeats in every chunk). */
export const TITLE_WEIGHT = 0.6;
/** BM25 parameters. */
export const BM25 = { k1: 1.2, b: 0.75 };
/** Term frequencies and lengths are stored multiplied by this. */
export const TF_SCALE = 10;

/** Weighted term frequencies (×TF_SCALE) and length (×TF_SCALE) of a document. */
export function documentTerms(title: string[], body: string[]): { tfs: Map<string, number>; length: number } {
  const tfs = new Map<string, number>();
  const title10 = Math.round(TITLE_WEIGHT * TF_SCALE);
  for (const t of title) tfs.set(t, (tfs.get(t) ?? 0) + title10);
  for (const t of body) tfs.set(t, (tfs.get(t) ?? 0) + TF_SCALE);
  return { tfs, length: Math.max(1, title.length * title10 + body.length * TF_SCALE) };
}

/** One term's postings: document ids and their term frequencies (×TF_SCALE), in parallel. */
export interface Postings {
  ids: Uint32Array;
  tfs: Uint16Array;
}

/** Collects the postings of many documents (in growing typed arrays: millions of them), then hands them out per term. */
export class PostingsBuilder {
  private readonly terms = new Map<string, { ids: Uint32Array; tfs: Uint16Array; n: number }>();

  add(id: number, tfs: Map<string, number>): void {
    for (const [term, tf] of tfs) {
      let p = this.terms.get(term);
      if (!p) {
        p = { ids: new Uint32Array(4), tfs: new Uint16Array(4), n: 0 };
        this.terms.set(term, p);
      }
      if (p.n === p.ids.length) {
        const ids = new Uint32Array(p.n * 2);
        ids.set(p.ids);
        const t = new Uint16Array(p.n * 2);
        t.set(p.tfs);
        p.ids = ids;
        p.tfs = t;
      }
      p.ids[p.n] = id;
      p.tfs[p.n] = Math.min(65535, tf);
      p.n++;
    }
  }

  get size(): number {
    return this.terms.size;
  }

  *entries(): Generator<[string, Postings]> {
    for (const [term, p] of this.terms) yield [term, { ids: p.ids.subarray(0, p.n), tfs: p.tfs.subarray(0, p.n) }];
  }
}

/**
 * Merges posting segments term by term (rows in segment order), dropping the postings of
 * documents that are gone; terms left without postings are omitted. Pure.
 */
export function mergeSegments(rows: Iterable<{ term: string } & Postings>, gone: ReadonlySet<number>): [string, Postings][] {
  const merged = new Map<string, { ids: number[]; tfs: number[] }>();
  for (const r of rows) {
    const m = merged.get(r.term) ?? { ids: [], tfs: [] };
    for (let i = 0; i < r.ids.length; i++) {
      if (gone.has(r.ids[i]!)) continue;
      m.ids.push(r.ids[i]!);
      m.tfs.push(r.tfs[i]!);
    }
    merged.set(r.term, m);
  }
  return [...merged].filter(([, m]) => m.ids.length).map(([term, m]) => [term, { ids: Uint32Array.from(m.ids), tfs: Uint16Array.from(m.tfs) }]);
}

/**
 * Document lengths (×TF_SCALE) indexed by document id; 0 means absent or deleted, so a
 * posting of a deleted document is skipped without any other look-up.
 */
export class Lengths {
  private lengths = new Float32Array(1024);
  private total = 0;
  private live = 0;

  set(id: number, length: number): void {
    this.grow(id);
    const old = this.lengths[id]!;
    if (old > 0) {
      this.total -= old;
      this.live--;
    }
    this.lengths[id] = length;
    if (length > 0) {
      this.total += length;
      this.live++;
    }
  }

  delete(id: number): void {
    if (id < this.lengths.length) this.set(id, 0);
  }

  get(id: number): number {
    return id < this.lengths.length ? this.lengths[id]! : 0;
  }

  /** Live documents. */
  get count(): number {
    return this.live;
  }

  get average(): number {
    return this.live ? this.total / this.live : 1;
  }

  get capacity(): number {
    return this.lengths.length;
  }

  private grow(id: number): void {
    if (id < this.lengths.length) return;
    let n = this.lengths.length;
    while (n <= id) n *= 2;
    const next = new Float32Array(n);
    next.set(this.lengths);
    this.lengths = next;
  }
}

/** Live documents among postings. */
export function documentFrequency(postings: Postings[], lengths: Lengths): number {
  let df = 0;
  for (const p of postings) for (let i = 0; i < p.ids.length; i++) if (lengths.get(p.ids[i]!) > 0) df++;
  return df;
}

/** Smoothed inverse document frequency (never negative). */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * The `k` best documents by BM25 for query terms, each given as its postings (several
 * segments per term are fine) and scaled by its weight (1 by default; a term weighing 0 or less
 * counts for nothing). Scores are accumulated in a scratch array reused between calls.
 */
export function topBm25(input: { terms: Postings[][]; weights?: readonly number[]; lengths: Lengths; k: number; scratch: Scratch }): { id: number; bm25: number }[] {
  const { lengths, scratch } = input;
  const n = lengths.count;
  const avg = lengths.average;
  const { k1, b } = BM25;
  const scores = scratch.scores(lengths.capacity);
  const touched = scratch.touched;
  touched.length = 0;
  for (const [t, segments] of input.terms.entries()) {
    const weight = input.weights?.[t] ?? 1;
    const df = weight > 0 ? documentFrequency(segments, lengths) : 0;
    if (df === 0) continue;
    const w = idf(n, df) * weight;
    for (const p of segments) {
      const { ids, tfs } = p;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const len = lengths.get(id);
        if (len === 0) continue;
        const tf = tfs[i]! / TF_SCALE;
        const s = (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avg));
        if (scores[id] === 0) touched.push(id);
        scores[id] = scores[id]! + s;
      }
    }
  }
  const top = topK(touched, scores, input.k);
  for (const id of touched) scores[id] = 0;
  return top;
}

/** Reusable buffers of the scoring loop (one per index; JavaScript runs one query at a time). */
export class Scratch {
  private buffer = new Float64Array(0);
  readonly touched: number[] = [];

  scores(capacity: number): Float64Array {
    if (this.buffer.length < capacity) this.buffer = new Float64Array(capacity);
    return this.buffer;
  }
}

/** The k highest-scoring ids, best first (ties by id), with a small min-heap. */
function topK(ids: number[], scores: Float64Array, k: number): { id: number; bm25: number }[] {
  const heap: number[] = [];
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (k > 0 && worse(heap[0]!, id)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map((id) => ({ id, bm25: scores[id]! }));
}
