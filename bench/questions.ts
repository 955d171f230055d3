import { STOPWORDS } from '../src/analysis/stopwords';

/** A question as a user types it, with the earlier turns of its thread for a follow-up. */
export interface BenchQuestion {
  question: string;
  history: string[];
  kind: 'plain' | 'typo' | 'follow-up';
  /** Text of the passage the question was made from: a good answer quotes it (or a copy of it). */
  source: string;
}

/** Mulberry32: a small seeded generator, so every run asks the same questions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES: ((words: string[]) => string)[] = [
  ([a, b, c]) => `what did ${a} say about ${b} ${c}?`,
  ([a, b, c]) => `what is happening with the ${a} ${b} ${c}`,
  ([a, b, c]) => `how much ${a} did ${b} ${c} have`,
  ([a, b, c]) => `when will the ${a} ${b} be ${c}?`,
  ([a, b, c]) => `why did the ${a} ${b} ${c}`,
  ([a, b, c]) => `is there any news about ${a} and the ${b} ${c}?`,
  ([a, b, c]) => `tell me about the ${a} ${b} ${c} please`,
  ([a, b, c]) => `who is behind the ${a} ${b} ${c}?`,
  ([a, b, c]) => `${a} ${b} ${c}`,
];

const FOLLOW_UPS: ((word: string) => string)[] = [
  (word) => `and what about the ${word}?`,
  (word) => `what did they say about ${word}?`,
  (word) => `and ${word}?`,
  (word) => `how does that affect the ${word}`,
];

/**
 * Questions built from the corpus's own sentences: three content words of a random sentence, in their
 * order, wrapped in the stopwords people type ("what did … say about the …"). About one in five has a
 * typo in its longest word, and one in five is a follow-up ("and what about the …?") asked with the
 * question before it as history. Deterministic for a seed.
 */
export function benchQuestions(
  passages: readonly { text: string }[],
  count: number,
  seed = 21578,
): BenchQuestion[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const questions: BenchQuestion[] = [];
  while (questions.length < count) {
    const source = pick(passages).text;
    const words = contentWords(source);
    if (words.length < 4) continue;
    const start = Math.floor(random() * (words.length - 3));
    const chosen = words.slice(start, start + 3).map((word) => (random() < 0.7 ? word.toLowerCase() : word));
    let question = pick(TEMPLATES)(chosen);
    const typo = random() < 0.2;
    if (typo) question = withTypo(question, chosen, random);
    const followUp = random() < 0.25 && questions.length + 1 < count;
    questions.push({ question, history: [], kind: typo ? 'typo' : 'plain', source });
    if (followUp) {
      const others = words.filter((word) => !chosen.includes(word));
      if (others.length > 0) {
        const word = pick(others).toLowerCase();
        questions.push({ question: pick(FOLLOW_UPS)(word), history: [question], kind: 'follow-up', source });
      }
    }
  }
  return questions;
}

function contentWords(text: string): string[] {
  return (text.match(/\b[A-Za-z][A-Za-z-]{3,}\b/g) ?? []).filter(
    (word) => !STOPWORDS.has(word.toLowerCase()),
  );
}

/** One slip in the longest chosen word: two letters swapped, one dropped or one doubled. */
function withTypo(question: string, words: string[], random: () => number): string {
  const word = [...words].sort((a, b) => b.length - a.length)[0];
  if (word.length < 6) return question;
  const at = 1 + Math.floor(random() * (word.length - 3));
  const slip = Math.floor(random() * 3);
  const misspelt =
    slip === 0
      ? `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`
      : slip === 1
        ? `${word.slice(0, at)}${word.slice(at + 1)}`
        : `${word.slice(0, at)}${word[at]}${word.slice(at)}`;
  return question.replace(word, misspelt);
}
