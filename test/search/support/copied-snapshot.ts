import type { PassageIndexData } from '../../../src/search/passage-index';

/** A copy of `snapshot` sharing nothing with it, as a snapshot file holds it: its lists through JSON, its arrays copied. */
export function copiedSnapshot(snapshot: PassageIndexData): PassageIndexData {
  const { postings, passageWords, ...lists } = snapshot;
  return {
    ...JSON.parse(JSON.stringify(lists)),
    postings: { ids: postings.ids.slice(), frequencies: postings.frequencies.slice() },
    passageWords: passageWords.slice(),
  };
}
