import { citationSource, citationUrl } from './citation-location';
import { layOutSentences } from './passage-layout';
import type { Answer, Citation } from './types';

/** The sentence shown when the corpus has no answer; front ends add their own hint after it. */
export const NO_ANSWER_TEXT = "The corpus doesn't answer that: no document covers it well enough to quote.";

/** `file[ location] · title · date[ · link]` for one citation: `report.pdf · p. 12 · Annual report · 2024-03-01`. */
export function formatCitation(citation: Citation): string {
  return [citationSource(citation), citation.title, citation.date, citationUrl(citation)]
    .filter(Boolean)
    .join(' · ');
}

/**
 * An answer as plain text, in the order every front end shows it: each passage (the answering sentence
 * between `**`), then its sources. This is also what the eval reads as "the top of the reply".
 */
export function answerPlainText(answer: Answer, { markAnswer = true } = {}): string {
  if (!answer.answered) return NO_ANSWER_TEXT;
  return answer.passages
    .map((passage) => {
      const text = layOutSentences(
        passage.sentences.map((sentence, index) =>
          markAnswer && index === passage.answerSentence ? `**${sentence}**` : sentence,
        ),
        passage.listItems,
      );
      const sources = passage.citations.map((citation) => `  — ${formatCitation(citation)}`).join('\n');
      return `${text}\n${passage.dateNote ? `  (${passage.dateNote})\n` : ''}${sources}`;
    })
    .join('\n\n');
}
