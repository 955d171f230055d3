/** The parts of wink's CommonJS packages the relevance benchmark uses (they ship no types). */
declare module 'wink-bm25-text-search' {
  type PrepTask = (input: never) => unknown;
  interface BM25Engine {
    defineConfig(config: {
      fldWeights: Record<string, number>;
      bm25Params?: { k1?: number; b?: number; k?: number };
    }): boolean;
    definePrepTasks(tasks: PrepTask[], field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    /** `[id, score]` pairs, best first, at most `limit` (default 10). */
    search(text: string, limit?: number): [string, number][];
  }
  function bm25(): BM25Engine;
  export = bm25;
}

declare module 'wink-nlp-utils' {
  const utils: {
    string: { lowerCase(text: string): string; tokenize0(text: string): string[] };
    tokens: {
      removeWords(tokens: string[]): string[];
      stem(tokens: string[]): string[];
      propagateNegations(tokens: string[]): string[];
    };
  };
  export = utils;
}
