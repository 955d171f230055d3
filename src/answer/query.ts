import { type AnalyzedToken, analyze } from '../analysis/analyzer';
import { placeAliases, placePhrases, type TermSequence } from '../analysis/expansion';
import { isEnglishWord, type QuestionRoles, questionRoles } from '../analysis/part-of-speech';
import { QUESTION_PADDING } from '../analysis/stopwords';
import { synonymsOf } from '../analysis/synonyms';
import type { PassageIndex } from '../search/passage-index';
import { questionCore } from './question-frame';
import { questionKind } from './question-kind';

/**
 * A question turned into concepts: each concept is one thing the asker named, with the ways the corpus
 * may say it. Weights, multiplied together, say how much a match counts:
 *
 * | source                                   | weight |
 * |------------------------------------------|--------|
 * | a word of the question                   | 1      |
 * | padding ("details", "information")       | 0.3    |
 * | an earlier turn of the conversation      | 0.5 (latest), 0.35 (older) |
 * | the word itself                          | 1      |
 * | hyphen parts (`co production`)           | 0.9    |
 * | spelling correction (`semicondutor`), or a known longer relative of an unknown stem | 0.9 |
 * | acronym ⇄ long form (`TSI`)              | 0.8    |
 * | place alias (`Britain` for `UK`)         | 0.7    |
 * | synonym (`partnership` for `cooperation`)| 0.6    |
 * | the doer (`founder` for `founded`)        | 0.8    |
 */
export interface Concept {
  /** The word as typed, for logs. */
  label: string;
  weight: number;
  /** How much saying this concept counts towards answering, relative to `weight` (see `coverageShare`). */
  coverageShare: number;
  /** A verb of the question ("launched", "meet"). */
  isVerb: boolean;
  /**
   * For a name, whether it ends the run of names it stands in ("Austin" of "Lloyd Austin", "Initiative"
   * of "Technology Security Initiative"): a passage may name a thing by its head alone.
   */
  nameHead: boolean;
  /** A name the question is about ("Lammy", "Pakistan"): a passage that never says it cannot answer. */
  isName: boolean;
  /** The thing a what- or which-question asks about ("oil" of "what is the best oil for …"): must be said. */
  isFocus?: boolean;
  /** From an earlier turn rather than this question. */
  fromHistory: boolean;
  /**
   * For the head of a compound the question names ("cup" of "world cup", "tickets" of "concert tickets"),
   * the terms of the nouns before it. Said apart from them, the head may name another thing ("a slip
   * between the cup and the lip"); the words before it keep their meaning alone ("soymeal" of "soymeal
   * prices").
   */
  modifiedBy?: string[];
  alternatives: Alternative[];
}

/** One way to say a concept: terms that must all be present. */
export interface Alternative {
  terms: TermSequence;
  weight: number;
}

export const PADDING_WEIGHT = 0.3;
export const VERB_COVERAGE = 0.5;
export const UNKNOWN_WORD_COVERAGE = 0.5;
const PART_WEIGHT = 0.9;
const CORRECTION_WEIGHT = 0.9;
const ACRONYM_WEIGHT = 0.8;
const ALIAS_WEIGHT = 0.7;
const SYNONYM_WEIGHT = 0.6;
const AGENT_WEIGHT = 0.8;
/**
 * The verb of what the asker means to do: "can I buy", "should we tip", "do you renew", "how to fix",
 * "how long does it take to boil".
 */
const ASKERS_DEED =
  /\b(?:(?:do|does|can|could|should|would|will|shall|may|might|must)\s+(?:i|we|you)|how\s+to|how\s+(?:long|much time)\s+(?:does|did|will|would|should)\s+it\s+take\s+to)\s+([\p{L}-]+)/iu;
/** A question after a way of doing something. */
const HOW_TO = /\bhow (?:do|does|can|could|should|would|to|might)\b/i;
/** Endings of the one who does a thing, which stemming keeps: `found` → `founder`, `chair` → `chairman`. */
const AGENT_SUFFIXES = ['er', 'or', 'man', 'woman', 'person'];

/** Builds the concepts of one question against the index's vocabulary and acronyms. */
export function questionConcepts(
  question: string,
  index: PassageIndex,
  weight = 1,
  fromHistory = false,
): Concept[] {
  const core = questionCore(question).text;
  const tokens = analyze(core);
  const roles = questionRoles(core);
  const { verbs, names } = roles;
  const words = conceptWords(tokens, index);
  const terms = words.map((token) => token.term);
  const concepts: Concept[] = words.map((token) => {
    const alternatives: Alternative[] = [{ terms: [token.term], weight: 1 }];
    // A name typed in lowercase ("corning") finds the name the corpus keeps unstemmed.
    if (token.surface !== token.term && index.documentFrequency(token.surface) > 0) {
      alternatives.push({ terms: [token.surface], weight: 1 });
    }
    const parts = token.isPart
      ? []
      : tokens.filter((part) => part.isPart && part.position === token.position).map((part) => part.term);
    if (parts.length > 1) alternatives.push({ terms: parts, weight: PART_WEIGHT });
    const unknown = alternatives.every((alternative) => index.documentFrequency(alternative.terms[0]) === 0);
    if (unknown && !index.acronyms.expand(token.term)) {
      // An ordinary English word is not a typo, however close a corpus word is ("charge", "change").
      const correction = isEnglishWord(token.surface) ? undefined : index.vocabulary.nearest(token.surface);
      if (correction) alternatives.push({ terms: [correction.term], weight: CORRECTION_WEIGHT });
      else if (token.term.length >= 4) {
        for (const relative of index.termsWithPrefix(token.term)) {
          alternatives.push({ terms: [relative], weight: CORRECTION_WEIGHT });
        }
      }
    }
    // The doer of a deed the question asks about: only a verb has one ("lead" the metal has no leader).
    for (const suffix of roles.verbs.has(token.surface) ? AGENT_SUFFIXES : []) {
      const agent = `${token.term}${suffix}`;
      if (index.documentFrequency(agent) > 0) alternatives.push({ terms: [agent], weight: AGENT_WEIGHT });
    }
    const singleTerms = alternatives.filter((alternative) => alternative.terms.length === 1);
    for (const term of singleTerms.map((alternative) => alternative.terms[0])) {
      const expansion = index.acronyms.expand(term);
      if (expansion) alternatives.push({ terms: expansion, weight: ACRONYM_WEIGHT });
      for (const alias of placeAliases(term)) alternatives.push({ terms: alias, weight: ALIAS_WEIGHT });
      for (const synonym of synonymsOf(term)) alternatives.push({ terms: synonym, weight: SYNONYM_WEIGHT });
    }
    return {
      label: token.surface,
      weight: weight * (QUESTION_PADDING.has(token.surface) ? PADDING_WEIGHT : 1),
      // "How do I fix …" asks about the fixing: its verb is its subject, not a way of putting it.
      coverageShare:
        HOW_TO.test(core) && roles.verbs.has(token.surface)
          ? 1
          : coverageShare(token.surface, alternatives, roles, index),
      isVerb: verbs.has(token.surface),
      isName:
        [...names].some(
          (name) =>
            name === token.surface ||
            name.replace(/-/g, '') === token.surface ||
            name.split('-').includes(token.surface),
        ) || isUnknownTerm(token.surface, alternatives, roles, index),
      nameHead: true,
      fromHistory,
      alternatives,
    };
  });

  for (const phrase of placePhrases(terms)) {
    for (const concept of concepts.slice(phrase.start, phrase.start + phrase.length)) {
      for (const alias of phrase.aliases) concept.alternatives.push({ terms: alias, weight: ALIAS_WEIGHT });
    }
  }
  for (const { acronym, start, length } of index.acronyms.acronymsIn(terms)) {
    for (const concept of concepts.slice(start, start + length)) {
      concept.alternatives.push({ terms: [acronym], weight: ACRONYM_WEIGHT });
    }
  }
  for (let i = 0; i + 1 < concepts.length; i++) {
    if (concepts[i].isName && concepts[i + 1].isName && words[i + 1].position - words[i].position === 1) {
      concepts[i].nameHead = false;
    }
  }
  const isThing = thingsOf(core, roles);
  markCompounds(concepts, words, isThing);
  markFocus(core, concepts, isThing, roles.verbs, index);
  return mergeDuplicates(concepts);
}

/**
 * For each concept, the run of names it stands in: the index of the concept ending the run ("Acme" and
 * "Corp" of "Acme Corp" share one), so that two names meeting means two names, not two words of one.
 */
export function nameRuns(concepts: Concept[]): number[] {
  const runs: number[] = new Array(concepts.length);
  let end = concepts.length - 1;
  for (let i = concepts.length - 1; i >= 0; i--) {
    if (concepts[i].nameHead) end = i;
    runs[i] = end;
  }
  return runs;
}

/**
 * Which of a question's concepts name things: not verbs, modifiers, padding or figures, and not words
 * written with a capital after the first, which are names and peoples ("Italian trade ministers", "which
 * British minister") whatever the tagger says.
 */
function thingsOf(core: string, { verbs, modifiers }: QuestionRoles): (concept: Concept) => boolean {
  const capitalised = new Set(
    [...core.matchAll(/(?<=\s)\p{Lu}[\p{L}\p{N}]*/gu)].map((match) => match[0].toLowerCase()),
  );
  return (concept) =>
    !verbs.has(concept.label) &&
    !modifiers.has(concept.label) &&
    !capitalised.has(concept.label) &&
    concept.weight >= 1 &&
    !/^\d/.test(concept.label);
}

/**
 * Marks the head of each pair of nouns the question writes side by side ("concert tickets", "summer
 * holiday"): in English the last noun is the thing, the ones before say which. Names and capitalised
 * words have rules of their own; verbs and modifiers ("cheap", "latest") are not part of what is named.
 */
function markCompounds(
  concepts: Concept[],
  words: AnalyzedToken[],
  isThing: (concept: Concept) => boolean,
): void {
  const isNoun = (concept: Concept) => !concept.isName && isThing(concept);
  for (let i = 0; i + 1 < concepts.length; i++) {
    const [left, right] = [concepts[i], concepts[i + 1]];
    if (words[i + 1].position - words[i].position !== 1 || !isNoun(left) || !isNoun(right)) continue;
    right.modifiedBy = [...(right.modifiedBy ?? []), left.alternatives[0].terms[0]];
  }
}

/**
 * The things a question must be answered about, like its names: for a what- or which-question, its
 * first word that is not a verb, a modifier or padding ("oil" of "what is the best oil for frying
 * chips", "smartphone" of "which smartphone"); for any question, its rarest such word ("phone" of "how
 * do I export my contacts from my phone"), the most specific thing it names, and for one that names
 * three things or more, the next rarest too ("jewellery" and "fashion" of "what gold jewellery is in
 * fashion"); and what the asker means to do ("renew" of "how do I renew my passport", "tip" of "how
 * much should I tip"). A passage that never says one of them (nor a synonym) is about something else,
 * however much else of the question it says.
 */
function markFocus(
  core: string,
  concepts: Concept[],
  isThing: (concept: Concept) => boolean,
  verbs: ReadonlySet<string>,
  index: PassageIndex,
): void {
  const doing = ASKERS_DEED.exec(core)?.[1]?.toLowerCase();
  for (const concept of concepts) {
    if (concept.label === doing && verbs.has(doing)) concept.isFocus = true;
  }
  const things = concepts.filter(isThing);
  if (things.length === 0) return;
  // "Which minister", "which companies" name the kind of answer, which a person's name gives.
  if (/^\W*(?:what|which)\b/i.test(core) && questionKind(core) !== 'person') things[0].isFocus = true;
  // Among the words the corpus knows: one it lacks in every form is judged by its coverage alone, as
  // questions word nationalities and kinds ("Italian") other than the corpus does ("Italy").
  const known = things.filter((concept) =>
    concept.alternatives.some((alternative) =>
      alternative.terms.every((term) => index.documentFrequency(term) > 0),
    ),
  );
  if (things.length >= 2 && known.length > 0) {
    const byRarity = [...known].sort((a, b) => conceptIdf(b, index) - conceptIdf(a, index));
    byRarity[0].isFocus = true;
    // A question that names three things or more is about its two most specific ones together.
    if (things.length >= 3 && byRarity.length >= 2) byRarity[1].isFocus = true;
  }
}

/**
 * How much a word must be said for a passage to answer. A verb, adjective or adverb counts
 * {@link VERB_COVERAGE}: questions rephrase those ("main" for "central"), and a verb the corpus never
 * uses counts {@link UNKNOWN_WORD_COVERAGE} of that again. A noun counts in full, known to the corpus or not:
 * a question about "laptops" is not answered by a corpus that never says "laptop", however many of the
 * question's other words it shares.
 */
function coverageShare(
  surface: string,
  alternatives: Alternative[],
  { verbs, names, modifiers }: QuestionRoles,
  index: PassageIndex,
): number {
  if (names.has(surface) || !(verbs.has(surface) || modifiers.has(surface))) return 1;
  const known = alternatives.some((alternative) =>
    alternative.terms.every((term) => index.documentFrequency(term) > 0),
  );
  // A modifier the corpus never uses ("sourdough") names a kind of thing the corpus does not cover.
  if (!known && !verbs.has(surface)) return 1;
  return VERB_COVERAGE * (known || !isEnglishWord(surface) ? 1 : UNKNOWN_WORD_COVERAGE);
}

/**
 * A noun that is neither English nor in the corpus in any form (no corpus word shares all but its last
 * three letters), nor a typo of a corpus word
 * ("smartphone", "bitcoin"): a term of art the corpus lacks. Like a name, it is what the question is
 * about, so a passage that does not say it cannot answer.
 */
function isUnknownTerm(
  surface: string,
  alternatives: Alternative[],
  { verbs, modifiers }: QuestionRoles,
  index: PassageIndex,
): boolean {
  if (verbs.has(surface) || modifiers.has(surface) || /\d/.test(surface) || isEnglishWord(surface))
    return false;
  const known = alternatives.some((alternative) =>
    alternative.terms.every((term) => index.documentFrequency(term) > 0),
  );
  // A word the corpus has in another form ("Italian" where it says "Italy") is not missing.
  return !known && index.termsWithPrefix(surface.slice(0, Math.max(4, surface.length - 3)), 1).length === 0;
}

/**
 * The words that become concepts: each word, and for a hyphenated word the corpus does not know joined
 * ("Britain-Bharat"), its parts, so that each part finds its own aliases.
 */
function conceptWords(tokens: AnalyzedToken[], index: PassageIndex): AnalyzedToken[] {
  const unknownCompounds = new Set(
    tokens
      .filter((token) => !token.isPart && index.documentFrequency(token.term) === 0)
      .filter((token) => tokens.some((part) => part.isPart && part.position === token.position))
      .map((token) => token.position),
  );
  return tokens.filter((token) => token.isPart === unknownCompounds.has(token.position));
}

/** A concept named twice ("India ... Indian") counts once, at its higher weight. */
function mergeDuplicates(concepts: Concept[]): Concept[] {
  const byTerm = new Map<string, Concept>();
  for (const concept of concepts) {
    const key = concept.alternatives[0].terms.join(' ');
    const existing = byTerm.get(key);
    if (!existing || existing.weight < concept.weight) byTerm.set(key, concept);
  }
  return [...byTerm.values()];
}

/** The term → boost map searched for a set of concepts (the strongest claim on a term wins). */
export function searchWeights(concepts: Concept[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const concept of concepts) {
    for (const alternative of concept.alternatives) {
      const share = alternative.terms.length > 1 ? 0.7 : 1;
      const boost = concept.weight * alternative.weight * share;
      for (const term of alternative.terms) weights.set(term, Math.max(weights.get(term) ?? 0, boost));
    }
  }
  return weights;
}

/**
 * How rare a concept is in the corpus: as common as its most common known way of being said (`Bharat`
 * is as ordinary as `India`), or rarer than any word when the corpus has no way of saying it.
 */
export function conceptIdf(concept: Concept, index: PassageIndex): number {
  let lowest: number | undefined;
  for (const alternative of concept.alternatives) {
    if (alternative.terms.some((term) => index.documentFrequency(term) === 0)) continue;
    const idf = alternative.terms.reduce((sum, term) => sum + index.idf(term), 0) / alternative.terms.length;
    lowest = lowest === undefined ? idf : Math.min(lowest, idf);
  }
  return lowest ?? index.idf('');
}

/** How far a set of terms says a concept: the best alternative's weight, or 0. */
export function conceptMatch(concept: Concept, present: ReadonlySet<string>): number {
  let best = 0;
  for (const alternative of concept.alternatives) {
    if (alternative.weight > best && alternative.terms.every((term) => present.has(term)))
      best = alternative.weight;
  }
  return best;
}

/**
 * Every term by which passages are matched against concepts: each alternative's, and the words a
 * compound's head is modified by.
 */
export function conceptTerms(concepts: readonly Concept[]): Set<string> {
  const terms = new Set<string>();
  for (const concept of concepts) {
    for (const alternative of concept.alternatives) for (const term of alternative.terms) terms.add(term);
    for (const term of concept.modifiedBy ?? []) terms.add(term);
  }
  return terms;
}
