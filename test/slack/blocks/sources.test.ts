import type { DocumentSummary } from '../../../src/answer/types';
import { buildHelpBlocks } from '../../../src/slack/blocks/help';
import {
  FALLBACK_TEXT_LIMIT,
  MESSAGE_BLOCK_LIMIT,
  SECTION_TEXT_LIMIT,
  shorten,
} from '../../../src/slack/blocks/mrkdwn';
import { buildSourcesBlocks } from '../../../src/slack/blocks/sources';

function document(n: number, extra: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    file: `${String(n).padStart(4, '0')}_doc.txt`,
    title: `A document about subject ${n} with a fairly long title that goes on`,
    leadSentence: 'Lead.',
    size: 1,
    mtimeMs: 0,
    contentHash: 'h',
    passageCount: 1,
    ...extra,
  };
}

type Block = { type: string; text?: { text: string } };

describe('buildSourcesBlocks', () => {
  it('lists each document with title, file and date, escaped', () => {
    const message = buildSourcesBlocks([
      document(1, { date: '2023-06-05', title: 'India & <!here> UK' }),
      document(2),
    ]);
    const text = (message.blocks as Block[]).map((block) => block.text?.text ?? '').join('\n');
    expect(text).toContain('*2 documents in the corpus*');
    expect(text).toContain('• *India &amp; &lt;!here&gt; UK* · `0001_doc.txt` · 2023-06-05');
    expect(text).toContain('`0002_doc.txt`');
  });

  it('says "1 document" for a corpus of one, in the message and its notification text', () => {
    const message = buildSourcesBlocks([document(1)]);
    expect(JSON.stringify(message.blocks)).toContain('*1 document in the corpus*');
    expect(message.text).toMatch(/^1 document in the corpus: /);
  });

  it('stays within 50 blocks and 3000 characters a section for a large corpus, counting what it leaves out', () => {
    const documents = Array.from({ length: 5000 }, (_, n) => document(n));
    const message = buildSourcesBlocks(documents);
    expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCK_LIMIT);
    for (const block of message.blocks as Block[]) {
      expect((block.text?.text ?? '').length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    }
    expect(JSON.stringify(message.blocks.at(-1))).toMatch(/more documents not listed/);
    expect(message.text.length).toBeLessThanOrEqual(FALLBACK_TEXT_LIMIT);
  });

  it('lists every document while they fit in the message, and counts exactly those left out', () => {
    const sections = (message: ReturnType<typeof buildSourcesBlocks>) =>
      (message.blocks as Block[]).filter((block) => block.type === 'section');
    // The smallest corpus that does not fit, one document more than fills the message, by bisection.
    const corpus = (size: number) => Array.from({ length: size }, (_, n) => document(n));
    const fits = (size: number) => !buildSourcesBlocks(corpus(size)).blocks.some((b) => b.type === 'context');
    let low = 1;
    let high = 2;
    while (fits(high)) high *= 2;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle;
    }
    const size = high;
    const full = buildSourcesBlocks(Array.from({ length: size - 1 }, (_, n) => document(n)));
    expect(sections(full)).toHaveLength(MESSAGE_BLOCK_LIMIT - 1);
    expect(full.blocks).toHaveLength(MESSAGE_BLOCK_LIMIT - 1);
    const over = buildSourcesBlocks(Array.from({ length: size }, (_, n) => document(n)));
    expect(JSON.stringify(over.blocks.at(-1))).toContain('…and 1 more documents not listed here.');
    // Each section is filled while the next line fits.
    const [, second] = sections(full).map((block) => block.text?.text ?? '');
    expect((second?.length ?? 0) + 1 + (second?.split('\n')[0]?.length ?? 0)).toBeGreaterThan(
      SECTION_TEXT_LIMIT,
    );
  });

  it('says so when the corpus is empty', () => {
    expect(buildSourcesBlocks([]).text).toMatch(/empty/);
  });
});

describe('buildHelpBlocks', () => {
  it('explains /coop, mentions, sources and digest, with fallback text', () => {
    const message = buildHelpBlocks();
    expect(message.text).toContain('/coop');
    const text = (message.blocks as Block[])[0].text?.text ?? '';
    for (const usage of ['/coop <question>', '@coop', '/coop sources', '/coop digest'])
      expect(text).toContain(usage);
  });

  it('gives one line to what coop is and one to each way of asking, direct messages and help included', () => {
    const text = (buildHelpBlocks().blocks as Block[])[0].text?.text ?? '';
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\*coop answers questions about its documents by quoting the passages .*\*$/);
    expect(lines).toContain('• A direct message to coop: the same, in our conversation');
    expect(lines.at(-1)).toBe('• `/coop help`: this message');
    expect(lines).toHaveLength(7);
  });
});

describe('shorten', () => {
  it('never cuts an entity or leaves it half-written', () => {
    const cut = shorten(`${'a'.repeat(8)} &amp;&amp;`, 12);
    expect(cut).toBe('aaaaaaaa…');
  });
});
