/**
 * Deciding whether a question leans on the conversation before it.
 *
 * A question is a follow-up when it points back ("it", "they", "that deal") or is elliptical
 * ("and the funding?", "what about India?"). Such a question is searched with the earlier turns' words
 * added at lower weight. A question that stands on its own is searched alone first, so a change of
 * subject is not dragged back to the old one; only if it finds no answer alone is the context tried.
 */

const POINTING_WORDS =
  /\b(it|its|it's|itself|they|them|their|theirs|this|that|these|those|he|him|his|she|her|such|same|former|latter)\b/i;
const ELLIPTICAL_OPENING = /^\s*(and|also|but|so|what about|how about|and what about|plus|then)\b/i;

/** True when the question refers back to an earlier turn. */
export function pointsBack(question: string): boolean {
  return POINTING_WORDS.test(question) || ELLIPTICAL_OPENING.test(question);
}

/**
 * Whether a question points back with a pronoun ("who funds it?", "when was that deal signed?"): the
 * pronoun stands for something the earlier turns named, so an answer must say one of their things or
 * names. An elliptical question ("and the ferry?", "what about the bridge?") names its own subject and
 * may borrow no more than the earlier verb.
 */
export function pointsWithPronoun(question: string): boolean {
  return POINTING_WORDS.test(question);
}

/** Context weight of an earlier turn: the latest counts most. */
export function historyWeight(turnsAgo: number): number {
  return turnsAgo === 1 ? 0.5 : 0.35;
}
