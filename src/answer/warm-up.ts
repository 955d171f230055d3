import { STOPWORDS } from '../analysis/stopwords';
import type { CorpusDocument } from '../corpus/types';

/**
 * Warming up: questions made from the corpus, asked once after a start so that the first people to ask
 * are not the ones who pay for V8 compiling the answering code. At 100k passages a fresh process's first
 * few dozen answers took two to three times as long as the same answers later (25 to 45 ms against 15),
 * and a large index just loaded is still being settled by the garbage collector. The questions go through
 * every path an answer can take: the question kinds, a typo for spelling correction, follow-ups with
 * their history. Nothing asked while warming up is logged, counted or posted.
 */

/** Questions a warm-up asks: enough for V8 to optimize what every answer runs (about 1.5 s at 100k passages). */
export const WARM_UP_QUESTIONS = 120;

/** How many passages may be passed over, per question, for want of words: bounds a corpus of tables. */
const MAX_TRIES_PER_QUESTION = 20;

/** One question of a warm-up, with the turns before it when it is a follow-up. */
export interface WarmUpQuestion {
  question: string;
  history: string[];
}

const TEMPLATES: ((words: string[]) => string)[] = [
  ([a, b, c]) => `what did ${a} say about ${b} ${c}?`,
  ([a, b, c]) => `who is behind the ${a} ${b} ${c}?`,
  ([a, b, c]) => `when did ${a} ${b} ${c}`,
  ([a, b, c]) => `how much ${a} ${b} ${c}`,
  ([a, b, c]) => `tell me about ${a} ${b} and ${c}`,
  ([a, b, c]) => `${a.toUpperCase()} ${b.toUpperCase()} ${c.toUpperCase()}`,
];

/**
 * Up to `count` questions made from the words of passages spread evenly over `documents` (the same for
 * the same corpus; the first passage of each document before the second of any): three content words
 * of a passage in a question's phrasing, every fifth with a typo, and after every third a follow-up on
 * another word of the same passage. Fewer for a corpus with too few words to make them from; none for
 * an empty one.
 */
export function warmUpQuestions(
  documents: Iterable<CorpusDocument>,
  count = WARM_UP_QUESTIONS,
): WarmUpQuestion[] {
  const stories = [...documents];
  const questions: WarmUpQuestion[] = [];
  const stride = coprimeStride(stories.length);
  // Round by round: the first passage of every document, then the second….
  const rounds = Math.max(0, ...stories.map((story) => story.passages.length));
  const tries = Math.min(stories.length * rounds, count * MAX_TRIES_PER_QUESTION);
  for (let made = 0, tried = 0; questions.length < count && tried < tries; tried++) {
    const { passages } = stories[(tried * stride) % stories.length];
    const round = Math.floor(tried / stories.length);
    if (round >= passages.length) continue;
    const words = contentWords(passages[round].sentences.join(' '));
    if (words.length < 4) continue;
    let question = TEMPLATES[made % TEMPLATES.length](words);
    if (made % 5 === 4) question = withTypo(question, words[0]);
    questions.push({ question, history: [] });
    if (made % 3 === 0 && questions.length < count) {
      questions.push({ question: `and what about the ${words[3]}?`, history: [question] });
    }
    made++;
  }
  return questions;
}

/** A step through `length` places that visits each once before returning, far apart: near 0.618 of it. */
function coprimeStride(length: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.max(1, Math.floor(length * 0.618));
  while (length > 1 && gcd(stride, length) !== 1) stride++;
  return stride;
}

/** Words a person would type about a passage: of four letters or more, no stopwords, each once. */
function contentWords(text: string): string[] {
  const words = (text.match(/\b[A-Za-z][A-Za-z-]{3,}\b/g) ?? []).filter(
    (word) => !STOPWORDS.has(word.toLowerCase()),
  );
  return [...new Set(words)];
}

/** The question with two middle letters of `word` swapped, as a hurried typist would. */
function withTypo(question: string, word: string): string {
  const at = Math.floor(word.length / 2);
  const typo = word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  return question.replace(word, typo);
}

/**
 * How long a bot just started waits before warming up: events queued while it was down (Slack retries
 * them) arrive as soon as it listens, and should not wait behind made-up questions.
 */
export const WARM_UP_DELAY_MS = 250;

/**
 * Asks the questions `makeQuestions` makes, one at a time, after `delayMs`, each in a turn of its own on
 * the event loop so that nothing waits on the warm-up for longer than one answer, until they are all
 * asked or `stop` says to stop (a real question came: it warms the code as well, and should not share
 * the process with made-up ones). The questions are made once the delay has passed, and not at all when
 * the warm-up stops before: making them goes through every document. Resolves with how many were asked.
 */
export function askWhileIdle(
  makeQuestions: () => readonly WarmUpQuestion[],
  ask: (question: WarmUpQuestion) => void,
  stop: () => boolean,
  delayMs = 0,
): Promise<number> {
  return new Promise((resolve) => {
    let questions: readonly WarmUpQuestion[] | undefined;
    let asked = 0;
    const next = () => {
      if (stop()) {
        resolve(asked);
        return;
      }
      questions ??= makeQuestions();
      if (asked >= questions.length) {
        resolve(asked);
        return;
      }
      ask(questions[asked++]);
      setImmediate(next);
    };
    setTimeout(next, delayMs);
  });
}
