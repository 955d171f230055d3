import { BrillPOSTagger, Lexicon, RuleSet } from 'natural/lib/natural/brill_pos_tagger';
import { americanSpelling, foldText } from './analyzer';

let tagger: BrillPOSTagger | undefined;

/** natural's Brill tagger with its English lexicon, loaded on first use (about 80 ms, once). */
function englishTagger(): BrillPOSTagger {
  tagger ??= new BrillPOSTagger(new Lexicon('EN', 'N', 'NNP'), new RuleSet('EN'));
  return tagger;
}

/** The roles of a question's words that matter to answering, folded as the analyzer folds them. */
export interface QuestionRoles {
  /** Words acting as verbs ("hold", "cover", "meet"): questions rephrase these more than anything. */
  verbs: Set<string>;
  /** Names written with a capital ("Lammy", "Pakistan"): what the question is about. */
  names: Set<string>;
}

/** Tags a question's words with natural's Brill tagger and returns its verbs and names. */
export function questionRoles(question: string): QuestionRoles {
  const words = question
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
  // The tagger's lexicon is American: "organised" is only known as "organized".
  const tagged = englishTagger().tag(
    words.map((word) => (/^\p{Ll}+$/u.test(word) ? americanSpelling(word) : word)),
  );
  const roles: QuestionRoles = { verbs: new Set(), names: new Set() };
  tagged.taggedWords.forEach(({ tag }, index) => {
    const word = words[index];
    if (tag.startsWith('VB')) roles.verbs.add(foldText(word));
    else if (tag.startsWith('NNP') && /^\p{Lu}/u.test(word)) roles.names.add(foldText(word));
  });
  return roles;
}
