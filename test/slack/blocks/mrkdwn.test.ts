import {
  buildNoticeBlocks,
  contextBlock,
  echoQuestion,
  SECTION_TEXT_LIMIT,
  sectionBlock,
  shorten,
} from '../../../src/slack/blocks/mrkdwn';

describe('shorten', () => {
  it('leaves text that fits, to the last character', () => {
    expect(shorten('x'.repeat(20), 20)).toBe('x'.repeat(20));
  });

  it('ends at a space when one is near the end, so no word is cut', () => {
    // The last space of the first 19 characters is at 17, within the last fifth.
    expect(shorten('alpha beta gammas delta', 20)).toBe('alpha beta gammas…');
  });

  it('cuts inside a word rather than throw away more than a fifth of the room', () => {
    expect(shorten(`a ${'x'.repeat(30)}`, 20)).toBe(`a ${'x'.repeat(17)}…`);
    // A space at 16 of 20 is not near enough to the end.
    expect(shorten('alpha beta gamma delta', 20)).toBe('alpha beta gamma de…');
  });

  it('never leaves half an entity such as &amp; that Slack would show raw', () => {
    expect(shorten(`${'x'.repeat(16)}&amp; more`, 20)).toBe(`${'x'.repeat(16)}…`);
  });

  it('never leaves half an emoji, and keeps whole ones before the cut', () => {
    expect(shorten(`😀${'x'.repeat(16)}😀yyyy`, 20)).toBe(`😀${'x'.repeat(16)}…`);
  });
});

describe('echoQuestion', () => {
  it('shows the question on one line, trimmed, with mentions escaped', () => {
    expect(echoQuestion('  who   launched\n\nTSI <!channel>  ')).toBe('who launched TSI &lt;!channel&gt;');
  });
});

describe('blocks', () => {
  it('are mrkdwn sections and contexts held to Block Kit limits', () => {
    const long = 'word '.repeat(1000);
    const section = sectionBlock(long);
    expect(section).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(section.text?.text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    expect(section.text?.text.endsWith('…')).toBe(true);
    expect(contextBlock('*From* the corpus')).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '*From* the corpus' }],
    });
  });

  it('give a notice the same words as notification text and as its one section', () => {
    expect(buildNoticeBlocks('The corpus is loading; ask again in a minute.')).toEqual({
      text: 'The corpus is loading; ask again in a minute.',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'The corpus is loading; ask again in a minute.' } },
      ],
    });
  });
});
