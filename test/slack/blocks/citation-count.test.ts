import type { AnswerPassage, Citation, DocumentSummary } from '../../../src/answer/types';
import { buildAnswerBlocks } from '../../../src/slack/blocks/answer';
import { buildSourcesBlocks } from '../../../src/slack/blocks/sources';

type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string }> };

const ref = { questionId: 'q1', question: 'who launched TSI', history: [] };

function citations(count: number): Citation[] {
  return Array.from({ length: count }, (_, i) => ({ file: `copy-${i + 1}.txt`, title: `Copy ${i + 1}` }));
}

/** The citation lines under the one passage of an answer quoted by `count` documents. */
function citationLines(count: number): string[] {
  const passage: AnswerPassage = {
    id: 'copy-1.txt#0',
    sentences: ['The prime ministers launched TSI.'],
    answerSentence: 0,
    citations: citations(count),
    score: 1,
  };
  const message = buildAnswerBlocks(
    { question: ref.question, searchedTerms: [], answered: true, passages: [passage], morePassages: [] },
    { ref },
  );
  const context = (message.blocks as Block[]).find((block) => block.type === 'context');
  return String(context?.elements?.[0]?.text ?? '').split('\n');
}

describe('citations of a passage quoted by many documents', () => {
  it('lists five documents in full', () => {
    const lines = citationLines(5);
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toContain('copy-5.txt');
  });

  it('counts the sixth document rather than dropping it', () => {
    const lines = citationLines(6);
    expect(lines).toHaveLength(6);
    expect(lines.at(-2)).toContain('copy-5.txt');
    expect(lines.at(-1)).toBe('…and 1 more document with this passage');
  });

  it('counts every document past the fifth', () => {
    expect(citationLines(9).at(-1)).toBe('…and 4 more documents with this passage');
  });
});

function document(n: number, title = `Report number ${n} on trade and defence cooperation`): DocumentSummary {
  return {
    file: `${String(n).padStart(5, '0')}.txt`,
    title,
    leadSentence: 'Lead.',
    size: 1,
    mtimeMs: 0,
    contentHash: 'h',
    passageCount: 1,
  };
}

describe('/coop sources for a corpus too large to list', () => {
  it('counts exactly the documents it leaves out', () => {
    const documents = Array.from({ length: 3000 }, (_, n) => document(n));
    const blocks = buildSourcesBlocks(documents).blocks as Block[];
    const listed = blocks
      .filter((block) => block.type === 'section')
      .flatMap((block) => (block.text?.text ?? '').split('\n'))
      .filter((line) => line.startsWith('• '));
    const note = String(blocks.at(-1)?.elements?.[0]?.text ?? '');
    const left = Number(note.match(/^…and (\d+) more documents not listed here\.$/)?.[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length + left).toBe(3000);
  });

  it('lists a corpus that fits without a count', () => {
    const blocks = buildSourcesBlocks([document(1), document(2)]).blocks as Block[];
    expect(blocks.map((block) => block.type)).toEqual(['section']);
  });
});

describe('/coop sources notification text', () => {
  it('escapes titles so the notification never pings the channel', () => {
    const message = buildSourcesBlocks([
      document(1, '<!channel> urgent: <@U0BOSS> & the <!here> team'),
      document(2, 'Budget <https://x.test|here>'),
    ]);
    expect(message.text).toBe(
      '2 documents in the corpus: &lt;!channel&gt; urgent: &lt;@U0BOSS&gt; &amp; the &lt;!here&gt; team; Budget &lt;https://x.test|here&gt;',
    );
    expect(message.text).not.toMatch(/<[!@]/);
  });
});

describe('/coop sources lines', () => {
  it('says "1 document" for a corpus of one, and lists a document without a date without a gap', () => {
    const blocks = buildSourcesBlocks([document(7, 'A *bold* claim')]).blocks as Block[];
    expect(blocks.map((block) => block.text?.text)).toEqual([
      '*1 document in the corpus*\n• *A ∗bold∗ claim* · `00007.txt`',
    ]);
  });

  it('shows the empty corpus as a message of its own', () => {
    const message = buildSourcesBlocks([]);
    expect((message.blocks as Block[]).map((block) => block.text?.text)).toEqual([message.text]);
  });
});
