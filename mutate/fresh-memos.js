const { forgetAnalyzedWords } = require('../src/analysis/analyzer');
const { forgetNameTerms } = require('../src/answer/question-kind');

/**
 * Before each test of the mutation run, the memos of analysis are emptied. Stryker credits a mutant to
 * the tests that ran its code; with words memoized for the process, the code that analyzes a word ran
 * only for the first test to read it, so a mutant there was tested against that test alone, not against
 * the tests written to catch it (a stopword test reading "the" after an engine test had).
 */
beforeEach(() => {
  forgetAnalyzedWords();
  forgetNameTerms();
});
