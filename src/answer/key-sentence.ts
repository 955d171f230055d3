import { analyze } from '../analysis/analyzer';
import type { CorpusDocument } from '../corpus/types';
import type { PassageIndex } from '../search/passage-index';

/** Sentences considered for a document's key sentence: news puts what matters first. */
const LEAD_WINDOW = 8;

/**
 * The sentence that best sums up a document: among its first sentences, the one whose terms carry the
 * most TF-IDF weight for this document (term frequency in the document times rarity in the corpus),
 * normalised for length and gently favouring the lead. A sentence the title was cut from is passed
 * over, so a digest does not say the same thing twice.
 */
export function keySentence(document: CorpusDocument, index: PassageIndex): string {
  const sentences = document.passages.flatMap((passage) => passage.sentences);
  const frequency = new Map<string, number>();
  for (const sentence of sentences) {
    for (const token of analyze(sentence)) frequency.set(token.term, (frequency.get(token.term) ?? 0) + 1);
  }
  const titleLead = document.title.endsWith('…') ? document.title.slice(0, -1) : undefined;
  let best = { sentence: sentences[0] ?? '', score: -1 };
  sentences.slice(0, LEAD_WINDOW).forEach((sentence, position) => {
    if (titleLead && sentence.startsWith(titleLead) && sentences.length > 1) return;
    const terms = new Set(analyze(sentence).map((token) => token.term));
    if (terms.size < 4) return;
    let weight = 0;
    for (const term of terms) weight += (frequency.get(term) ?? 0) * index.idf(term);
    const score = (weight / Math.sqrt(terms.size)) * (1 / (1 + 0.15 * position));
    if (score > best.score) best = { sentence, score };
  });
  return best.sentence;
}
