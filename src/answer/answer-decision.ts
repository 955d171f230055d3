import type { JudgedQuestion, PassageMatch } from './passage-match';
import { weightedShare } from './passage-match';
import type { Concept } from './query';

/**
 * The answer decision. A passage answers when its coverage (the share of the question it says, by
 * rarity, with verbs and words the corpus never uses counting half, since questions rephrase them)
 * reaches {@link ANSWER_COVERAGE} and it says the question's names, some of its own words, enough of its
 * subject, its joined names near each other, and the kind of thing asked for. Otherwise nothing is shown:
 * an honest "the corpus doesn't say" beats a loose match.
 */
export const ANSWER_COVERAGE = 0.5;
/** Share (by rarity) of the question's words other than names and verbs that an answer must say. */
const SUBJECT_COVERAGE = 0.4;

/** Whether one passage answers the question, and the measures that decide it. */
export interface AnswerDecision {
  /** Share of the question the passage says, verbs counting less. */
  coverage: number;
  /** Says (or its headline says) every name the question asks about. */
  saysNames: boolean;
  answers: boolean;
}

/** Decides whether a passage, as matched against the question, answers it. */
export function decideAnswer(
  { concepts, kind, rarities, nameRun, aboutContext }: JudgedQuestion,
  { said, inText, namedInStory, answering, restated, sentence }: PassageMatch,
): AnswerDecision {
  // A verb the passage says (in any of its forms) counts as said; one it does not say costs only its
  // coverage share.
  const coverage = weightedShare(
    answering,
    rarities.map((rarity, i) => rarity * Math.max(concepts[i].coverageShare, answering[i])),
  );
  // A passage that never names what the question is about (nor do its headline, its story's lead or the
  // passage before it) cannot answer it, nor one that says only the earlier turns' words.
  const saysNames = concepts.every(
    (concept, i) =>
      concept.fromHistory ||
      said[i] > 0 ||
      namedInStory[i] ||
      (!concept.isFocus && (!concept.isName || !concept.nameHead)),
  );
  const saysOwnWords = restated || concepts.some((concept, i) => !concept.fromHistory && inText[i] > 0);
  // "Who funds it?" is about what the conversation was about: a passage that says none of it (here, in
  // its headline or its story's lead) answers some other question.
  const saysContext =
    !aboutContext ||
    concepts.some((concept, i) => concept.fromHistory && !concept.isVerb && (said[i] > 0 || namedInStory[i]));
  // Names alone do not answer: "the capital of France" is not answered by a passage that only
  // mentions France. The question's other words must be said too, {@link SUBJECT_COVERAGE} of them.
  const subjects = concepts.map((concept) => (isSubjectWord(concept) ? 1 : 0));
  const saysSubject =
    !subjects.includes(1) ||
    weightedShare(
      said,
      rarities.map((rarity, i) => rarity * subjects[i] * concepts[i].coverageShare),
    ) >= SUBJECT_COVERAGE;
  // Two names the question joins ("Russia" and "TSI") must meet within two sentences, not just
  // somewhere in one passage.
  const textNames = new Set(
    concepts.flatMap((concept, i) =>
      concept.isName && !concept.fromHistory && inText[i] > 0 ? [nameRun[i]] : [],
    ),
  );
  const namesMeet = restated || sentence.namesTogether >= Math.min(2, textNames.size);
  // "When" wants a date, "who" a name, "where" a place: a passage without one does not answer.
  const holdsKind = kind === 'other' || sentence.fitsKind;
  const answers =
    saysNames &&
    saysOwnWords &&
    saysContext &&
    saysSubject &&
    namesMeet &&
    holdsKind &&
    coverage >= ANSWER_COVERAGE;
  return { coverage, saysNames, answers };
}

/** A word of the question itself that is neither a name, a verb nor padding: "capital", "sectors". */
function isSubjectWord(concept: Concept): boolean {
  return !concept.fromHistory && !concept.isName && !concept.isVerb && concept.weight >= 1;
}
