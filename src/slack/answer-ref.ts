/**
 * What an answer's buttons carry in their `value`: enough to find the answer again, or to recompute it
 * after a restart (the engine is deterministic over the same corpus).
 */
export interface AnswerRef {
  /** The question's id in the question log. */
  questionId: string;
  question: string;
  /** Earlier questions of the conversation, oldest first. */
  history: string[];
  /** For "More results": how many of the answer's further passages were already shown. */
  shown?: number;
}

/** Slack's limit on a button's `value`. */
export const BUTTON_VALUE_LIMIT = 2000;
const QUESTION_LIMIT = 600;
/** Most earlier questions a reference carries; more could not be read back. */
const HISTORY_LIMIT = 100;

/**
 * Encodes a reference for a button's `value`, within Slack's 2000 characters: a long question is cut,
 * and the oldest history is dropped first when the conversation is long.
 */
export function encodeAnswerRef(ref: AnswerRef): string {
  let question = ref.question.slice(0, QUESTION_LIMIT);
  const history = ref.history.slice(-HISTORY_LIMIT).map((earlier) => earlier.slice(0, QUESTION_LIMIT));
  for (;;) {
    const value = JSON.stringify({ id: ref.questionId, q: question, h: history, s: ref.shown });
    if (value.length <= BUTTON_VALUE_LIMIT) return value;
    if (history.length > 0) history.shift();
    else question = question.slice(0, Math.floor(question.length / 2));
  }
}

/**
 * Decodes a button's `value`; undefined when it is not one of ours. Bounded, whatever the value holds: a
 * value longer than Slack allows, or with more history or longer questions than {@link encodeAnswerRef}
 * writes, is refused before anything is answered with it.
 */
export function decodeAnswerRef(value: string | undefined): AnswerRef | undefined {
  if (!value || value.length > BUTTON_VALUE_LIMIT) return undefined;
  try {
    const parsed = JSON.parse(value) as { id?: unknown; q?: unknown; h?: unknown; s?: unknown };
    if (typeof parsed.id !== 'string' || typeof parsed.q !== 'string') return undefined;
    if (parsed.q.length > QUESTION_LIMIT) return undefined;
    if (parsed.h !== undefined && (!Array.isArray(parsed.h) || parsed.h.length > HISTORY_LIMIT))
      return undefined;
    const history = (parsed.h ?? []).filter((h): h is string => typeof h === 'string');
    if (history.some((earlier) => earlier.length > QUESTION_LIMIT)) return undefined;
    const shown = typeof parsed.s === 'number' && parsed.s >= 0 ? parsed.s : undefined;
    return { questionId: parsed.id, question: parsed.q, history, shown };
  } catch {
    return undefined;
  }
}
