import type { types } from '@slack/bolt';
import { buildDigestBlocks } from '../../../src/slack/digest/build-digest-blocks';
import { digestOf as digest } from '../../digest/fixtures';

function texts(blocks: types.KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return [block.text?.text ?? ''];
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'context')
      return block.elements.map((element) => ('text' in element ? element.text : ''));
    return [];
  });
}

describe('buildDigestBlocks', () => {
  it('lists new documents with title, date, file and lead, then what people asked', () => {
    const { text, blocks } = buildDigestBlocks(digest());
    const all = texts(blocks).join('\n');
    expect(all).toContain('Coop digest · Monday 2 March 2026');
    expect(all).toContain(
      '*Lighthouse keepers strike* · 2026-03-01 · `norway.txt`\n>The keepers went on strike over pay.',
    );
    expect(all).toContain('4 questions (1 follow-up) from 3 people · 👍 1 · 👎 1');
    expect(all).toMatch(/\*Most asked\*\n• “Why did they strike\?” \(asked 2×, 👍 1 👎 0\)/);
    expect(all).toMatch(/\*No answer in the corpus\*.*\n• “What is the price of copper\?”/);
    expect(text).toBe(
      'Coop digest for Monday 2 March 2026: 1 new document, 0 changed documents, 4 questions (1 without an answer).',
    );
  });

  it('escapes corpus and user text so nothing pings or links', () => {
    const { text, blocks } = buildDigestBlocks(
      digest({
        newDocuments: [
          {
            file: 'a&b.txt',
            title: '<!channel> Alert & <https://evil.example|click>',
            leadSentence: 'Ask <@U0BOSS> now.',
          },
        ],
        questions: {
          ...digest().questions,
          unanswered: [{ question: '<!here> anyone?', count: 1, up: 0, down: 0 }],
        },
      }),
    );
    const payload = JSON.stringify({ text, blocks });
    expect(payload).not.toMatch(/<[!@#]|<https/);
    expect(texts(blocks).join('\n')).toContain(
      '&lt;!channel&gt; Alert &amp; &lt;https://evil.example|click&gt;',
    );
    expect(texts(blocks).join('\n')).toContain('&lt;!here&gt; anyone?');
  });

  it('stays within Block Kit limits for a large digest', () => {
    const many = Array.from({ length: 60 }, (_, n) => ({
      file: `doc-${n}.txt`,
      title: `Document ${n} `.repeat(30),
      leadSentence: 'A very long lead sentence. '.repeat(200),
    }));
    const questions = Array.from({ length: 10 }, (_, n) => ({
      question: `Question ${n} `.repeat(100),
      count: 2,
      up: 0,
      down: 0,
    }));
    const { text, blocks } = buildDigestBlocks(
      digest({
        newDocuments: many,
        changedDocuments: many,
        removedDocuments: many.map((doc) => doc.file),
        questions: {
          ...digest().questions,
          mostAsked: questions,
          unanswered: questions,
          poorlyRated: questions,
        },
      }),
    );
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const section of texts(blocks)) expect(section.length).toBeLessThanOrEqual(3000);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts(blocks).join('\n')).toContain('…and 50 more');
  });

  it('shows a document from the corpus on an empty day', () => {
    const { text, blocks } = buildDigestBlocks(
      digest({
        empty: true,
        newDocuments: [],
        fromTheCorpus: {
          file: 'glacier.txt',
          title: 'Glacier melt',
          leadSentence: 'The glacier lost more ice.',
        },
      }),
    );
    expect(texts(blocks).join('\n')).toContain(
      '*From the corpus*\n*Glacier melt* · `glacier.txt`\n>The glacier lost more ice.',
    );
    expect(text).toBe('Coop digest for Monday 2 March 2026: nothing new. From the corpus: Glacier melt.');
  });

  it('marks a preview as not the day’s digest', () => {
    const { blocks } = buildDigestBlocks(digest(), { preview: true });
    expect(texts(blocks)[1]).toMatch(/Preview of the next digest.*does not count as the day’s digest/);
  });

  it('heads each list with its count, lists removed files, and sets the questions apart', () => {
    const { blocks } = buildDigestBlocks(
      digest({
        changedDocuments: [{ file: 'tariffs.md', title: 'Tariff table', leadSentence: 'Duties rose.' }],
        removedDocuments: ['old.txt', 'a<b.txt'],
        questions: {
          ...digest().questions,
          poorlyRated: [{ question: 'Who won?', count: 1, up: 0, down: 2 }],
        },
      }),
    );
    const all = texts(blocks);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Coop digest · Monday 2 March 2026' },
    });
    expect(all).toContain('since the digest of Friday 27 February 2026 · 12 documents in the corpus');
    expect(all).toContain('*New documents* (1)');
    expect(all).toContain('*Changed documents* (1)');
    expect(all).toContain('Removed: `old.txt`, `a&lt;b.txt`');
    const questions = all.findIndex((text) => text.startsWith('*Questions* · 4 questions'));
    expect(questions).toBeGreaterThan(all.indexOf('Removed: `old.txt`, `a&lt;b.txt`'));
    expect(blocks.some((block) => block.type === 'divider')).toBe(true);
    expect(all.join('\n')).toMatch(/\*Answers rated 👎\*\n• “Who won\?”/);
  });

  it('leaves out the lists a day does not have', () => {
    const { blocks } = buildDigestBlocks(
      digest({ questions: { ...digest().questions, mostAsked: [], unanswered: [] } }),
    );
    const all = texts(blocks).join('\n');
    expect(all).not.toMatch(/Changed documents|Removed|Most asked|No answer in the corpus|Answers rated/);
    expect(blocks.every((block) => typeof block === 'object' && typeof block.type === 'string')).toBe(true);
  });

  it('lists ten documents whole and counts only those beyond', () => {
    const ten = Array.from({ length: 10 }, (_, n) => ({
      file: `doc-${n}.txt`,
      title: `Doc ${n}`,
      leadSentence: 'Lead.',
    }));
    const all = texts(buildDigestBlocks(digest({ newDocuments: ten })).blocks);
    expect(all.filter((text) => text.startsWith('*Doc '))).toHaveLength(10);
    expect(all.join('\n')).not.toContain('more; `/coop sources`');
    const eleven = [...ten, { file: 'doc-10.txt', title: 'Doc 10', leadSentence: 'Lead.' }];
    expect(texts(buildDigestBlocks(digest({ newDocuments: eleven })).blocks)).toContain(
      '…and 1 more; `/coop sources` lists every document.',
    );
  });

  it('says plainly that nothing is new on an empty day with nothing to show from the corpus', () => {
    const { text, blocks } = buildDigestBlocks(digest({ empty: true, newDocuments: [] }));
    expect(texts(blocks)).toContain('Nothing new in the corpus and no questions since the last digest.');
    expect(texts(blocks).join('\n')).not.toContain('From the corpus');
    expect(text).toBe('Coop digest for Monday 2 March 2026: nothing new.');
  });
});
