import { americanSpelling, foldText } from './analyzer';
import { englishTagger, lexiconHas } from './lexicon';

/**
 * True for a word of ordinary English ("charge", "worth"), as opposed to a misspelling ("minsiter") or a
 * name or term of art ("bitcoin"). A corpus that lacks an English word is not looked at for a typo.
 */
export function isEnglishWord(word: string): boolean {
  return lexiconHas(word) || lexiconHas(americanSpelling(word));
}

/** The roles of a question's words that matter to answering, folded as the analyzer folds them. */
export interface QuestionRoles {
  /** Words acting as verbs ("hold", "cover", "meet"): questions rephrase these more than anything. */
  verbs: Set<string>;
  /** Names written with a capital ("Lammy", "Pakistan"): what the question is about. */
  names: Set<string>;
  /** Adjectives and adverbs ("main", "recently"): shades of meaning a passage often words otherwise. */
  modifiers: Set<string>;
}

/** Tags a question's words with natural's Brill tagger and returns its verbs, names and modifiers. */
export function questionRoles(question: string): QuestionRoles {
  const words = question
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
  // The tagger's lexicon is American: "organised" is only known as "organized".
  const tagged = englishTagger().tag(
    words.map((word) => (/^\p{Ll}+$/u.test(word) ? americanSpelling(word) : word)),
  );
  const roles: QuestionRoles = { verbs: new Set(), names: new Set(), modifiers: new Set() };
  const tags = tagged.taggedWords.map(({ tag }) => tag);
  // An "adverb" between an adjective and a noun is a noun of a compound: "lower back pain".
  const nounBeforeNoun = (index: number) =>
    tags[index].startsWith('RB') && /^JJ/.test(tags[index - 1] ?? '') && /^NN/.test(tags[index + 1] ?? '');
  tagged.taggedWords.forEach(({ tag }, index) => {
    const word = words[index];
    // After "a", "my", "the" or "on" comes a thing, not a deed: "my contacts", "a leaking tap", "on lead".
    const previous = words[index - 1]?.toLowerCase() ?? '';
    const afterDeterminer = DETERMINERS.has(previous) || NOUN_PREPOSITIONS.has(previous);
    if (tag.startsWith('VB') && afterDeterminer) {
      if (tag === 'VBG' || tag === 'VBN') roles.modifiers.add(foldText(word).trim());
    } else if (tag.startsWith('VB')) roles.verbs.add(foldText(word).trim());
    else if (
      (tag.startsWith('JJ') || tag.startsWith('RB')) &&
      /^\p{Ll}/u.test(word) &&
      !nounBeforeNoun(index)
    ) {
      roles.modifiers.add(foldText(word).trim());
    } else if ((tag.startsWith('NNP') && /^\p{Lu}/u.test(word)) || isAcronym(word)) {
      roles.names.add(foldText(word).trim());
    }
  });
  // "When does Modi travel ...": after an auxiliary, the lowercase word that follows the subject's name is
  // its verb, whatever the tagger made of it.
  const auxiliary = words.findIndex((word) => AUXILIARIES.has(word.toLowerCase()));
  if (auxiliary >= 0) {
    let index = auxiliary + 1;
    if (words[index]?.toLowerCase() === 'the') index++;
    const nameStart = index;
    // The subject may be names joined: "did the UK and India first pledge".
    const capital = (at: number) => /^\p{Lu}/u.test(words[at] ?? '');
    while (capital(index) || (JOINERS.has(words[index]?.toLowerCase()) && capital(index + 1))) index++;
    // The subject may run on in lowercase ("the US defence secretary meet"): the verb is the run's
    // tagged verb, or else its last word, before any preposition or article.
    const run: number[] = [];
    while (
      index < words.length &&
      /^\p{Ll}/u.test(words[index]) &&
      !PHRASE_BREAKS.has(words[index]) &&
      !DETERMINERS.has(words[index])
    ) {
      run.push(index++);
    }
    if (run.length > 0 && run[0] > nameStart) {
      const verb = run.find((at) => tagged.taggedWords[at].tag.startsWith('VB')) ?? run[run.length - 1];
      for (const at of run) {
        const word = foldText(words[at]).trim();
        roles.verbs.delete(word);
        // "did the UK and India first pledge": an adverb between the subject and its verb.
        if (at < verb && VERB_ADVERBS.has(word)) roles.modifiers.add(word);
      }
      roles.verbs.add(foldText(words[verb]).trim());
    }
  }
  return roles;
}

/** Words after which a noun phrase begins. */
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'my',
  'your',
  'our',
  'their',
  'his',
  'her',
  'its',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'every',
  'each',
]);

/** Prepositions after which a question names a thing ("any word on lead", "news about oil"). */
const NOUN_PREPOSITIONS = new Set([
  'on',
  'about',
  'of',
  'regarding',
  'concerning',
  'with',
  'for',
  'in',
  'from',
]);

/** Words that end the verb phrase after a question's subject. */
const PHRASE_BREAKS = new Set([
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'about',
  'from',
  'by',
  'of',
  'the',
  'a',
  'an',
  'during',
  'after',
  'before',
]);

/** Adverbs that stand between a subject and its verb, whatever the tagger makes of them. */
const VERB_ADVERBS = new Set([
  'first',
  'last',
  'finally',
  'also',
  'ever',
  'never',
  'already',
  'just',
  'still',
  'jointly',
  'formally',
  'officially',
  'recently',
  'actually',
]);

/** Words that join two names into one subject. */
const JOINERS = new Set(['and', 'or', '&']);

const AUXILIARIES = new Set([
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'should',
  'shall',
  'may',
  'might',
]);

/** Two capitals or more, as in `US`, `TSI`, `MoD`, `INDUS-X`: acronyms name things, whatever the tagger says. */
function isAcronym(word: string): boolean {
  return /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{L}\p{N}&.-]+$/u.test(word) && !/^\p{Lu}\p{Ll}+$/u.test(word);
}
