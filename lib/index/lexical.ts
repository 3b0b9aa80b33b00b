import MiniSearch from "minisearch";
import { terms } from "../text/analyze";
import { stem, words } from "../text/normalize";
import { STOPWORDS } from "../text/stopwords";

/** What the lexical index stores per chunk. */
export interface LexicalDoc {
  id: number;
  title: string;
  text: string;
}

/** MiniSearch options; identical at build and load time, as MiniSearch requires. */
const OPTIONS = {
  fields: ["title", "text"],
  idField: "id",
  tokenize: (text: string) => words(text),
  processTerm: (term: string) => (STOPWORDS.has(term) || term.length < 2 ? null : stem(term)),
  searchOptions: { boost: { title: 0.6 }, combineWith: "OR" as const },
};

/**
 * BM25 index of the chunks (MiniSearch, BM25+ scoring) plus release-level document
 * frequencies used to weigh query terms.
 */
export class LexicalIndex {
  private constructor(
    private readonly search: MiniSearch<LexicalDoc>,
    /** term → number of releases containing it */
    readonly df: Map<string, number>,
    readonly releaseCount: number,
  ) {}

  /** Builds the index from chunks; `releaseOf[i]` is the release of doc i. */
  static build(docs: LexicalDoc[], releaseOf: string[]): LexicalIndex {
    const search = new MiniSearch<LexicalDoc>(OPTIONS);
    search.addAll(docs);
    const perRelease = new Map<string, Set<string>>();
    docs.forEach((d, i) => {
      const set = perRelease.get(releaseOf[i]!) ?? new Set<string>();
      for (const t of terms(`${d.title} ${d.text}`)) set.add(t);
      perRelease.set(releaseOf[i]!, set);
    });
    const df = new Map<string, number>();
    for (const set of perRelease.values()) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
    return new LexicalIndex(search, df, perRelease.size);
  }

  static fromJSON(json: string): LexicalIndex {
    const data = JSON.parse(json) as { minisearch: unknown; df: [string, number][]; releaseCount: number };
    const search = MiniSearch.loadJS<LexicalDoc>(data.minisearch as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
    return new LexicalIndex(search, new Map(data.df), data.releaseCount);
  }

  toJSON(): string {
    return JSON.stringify({ minisearch: this.search.toJSON(), df: [...this.df], releaseCount: this.releaseCount });
  }

  /** Top `k` chunk labels for a query (already analysed terms joined by spaces work too). */
  query(text: string, k: number): { label: number; score: number }[] {
    if (!text.trim()) return [];
    return this.search
      .search(text)
      .slice(0, k)
      .map((r) => ({ label: r.id as number, score: r.score }));
  }

  /** Inverse release frequency of a stemmed term (smoothed; unknown terms weigh most). */
  idf(term: string): number {
    const n = this.releaseCount;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}
