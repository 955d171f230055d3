import { readFileSync } from 'node:fs';
import { answerPlainText, formatCitation } from '../answer/plain-text';
import type { Answer, AnswerEngine } from '../answer/types';

/** One turn of an eval conversation (format of `shared/eval/README.md`). */
export interface EvalTurn {
  q: string;
  sources?: string[];
  answers?: string[];
  no_answer?: boolean;
  /** Where the first citation must point, as citations show it: `p. 12`, `Onboarding › Laptops`. */
  location?: string;
}

/** One eval conversation: a first question and its follow-ups. */
export interface EvalConversation {
  id: string;
  turns: EvalTurn[];
}

/** The verdict on one turn. */
export interface EvalTurnResult {
  conversation: string;
  turn: number;
  question: string;
  passed: boolean;
  reason?: string;
  reply: string;
}

/** Only this much of a reply's plain text counts as "near the top". */
export const REPLY_HEAD_CHARS = 700;

/** Reads a JSONL eval file; blank lines are ignored, a bad line names its number. */
export function readConversations(file: string): EvalConversation[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      try {
        return JSON.parse(line) as EvalConversation;
      } catch (error) {
        throw new Error(`${file}:${number}: not a JSON conversation (${(error as Error).message})`);
      }
    });
}

/** Judges one reply against one turn, as the eval README specifies. */
export function judgeTurn(turn: EvalTurn, answer: Answer): { passed: boolean; reason?: string } {
  const citations = answer.passages.flatMap((passage) => passage.citations);
  const cited = citations.map((citation) => citation.file);
  const head = answerPlainText(answer, { markAnswer: false }).slice(0, REPLY_HEAD_CHARS).toLowerCase();
  if (turn.no_answer) {
    if (cited.length > 0) return { passed: false, reason: `expected no answer, but cited ${cited[0]}` };
    return { passed: true };
  }
  if (cited.length === 0) return { passed: false, reason: 'no answer given' };
  if (turn.sources && !turn.sources.includes(cited[0])) {
    return { passed: false, reason: `first source ${cited[0]} is not one of ${turn.sources.join(', ')}` };
  }
  if (turn.answers && !turn.answers.some((expected) => head.includes(expected.toLowerCase()))) {
    return {
      passed: false,
      reason: `none of ${JSON.stringify(turn.answers)} in the first ${REPLY_HEAD_CHARS} characters`,
    };
  }
  if (turn.location && !formatCitation(citations[0]).includes(turn.location)) {
    return {
      passed: false,
      reason: `first citation "${formatCitation(citations[0])}" does not point to ${turn.location}`,
    };
  }
  return { passed: true };
}

/** Asks every conversation of the eval in order, follow-ups with their history, and judges each turn. */
export function runEval(engine: AnswerEngine, conversations: EvalConversation[]): EvalTurnResult[] {
  const results: EvalTurnResult[] = [];
  for (const conversation of conversations) {
    const history: string[] = [];
    conversation.turns.forEach((turn, index) => {
      const answer = engine.answer(turn.q, { history: [...history] });
      history.push(turn.q);
      const verdict = judgeTurn(turn, answer);
      results.push({
        conversation: conversation.id,
        turn: index + 1,
        question: turn.q,
        ...verdict,
        reply: answerPlainText(answer),
      });
    });
  }
  return results;
}
