import type { Answer, AnswerPassage } from '../../../src/answer/types';
import { ANSWER_ACTIONS, buildAnswerBlocks, buildMorePassagesBlocks } from '../../../src/slack/blocks/answer';
import { SECTION_TEXT_LIMIT } from '../../../src/slack/blocks/mrkdwn';

function passage(
  sentences: string[],
  answerSentence = 0,
  file = 'a.txt',
  extra: Partial<AnswerPassage> = {},
): AnswerPassage {
  return {
    id: `${file}#0`,
    sentences,
    answerSentence,
    citations: [{ file, title: `Title of ${file}`, date: '2024-07-24' }],
    score: 1,
    ...extra,
  };
}

function answer(
  passages: AnswerPassage[],
  morePassages: AnswerPassage[] = [],
  question = 'who launched TSI',
): Answer {
  return { question, searchedTerms: [], answered: passages.length > 0, passages, morePassages };
}

const ref = { questionId: 'q1', question: 'who launched TSI', history: [] };

type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<{ text?: string | { text: string }; action_id?: string }>;
};
const sections = (blocks: unknown[]) =>
  (blocks as Block[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
const contexts = (blocks: unknown[]) =>
  (blocks as Block[]).filter((b) => b.type === 'context').map((b) => String(b.elements?.[0]?.text ?? ''));
const actionIds = (blocks: unknown[]) =>
  (blocks as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));

describe('buildAnswerBlocks', () => {
  it('quotes the answering passage first with its answering sentence in bold, and cites file, title and date', () => {
    const message = buildAnswerBlocks(
      answer([
        passage(['Context first.', 'The prime ministers launched TSI.', 'More after.'], 1, 'one.txt'),
        passage(['Second.'], 0, 'two.txt'),
      ]),
      { ref },
    );
    expect(sections(message.blocks)[0]).toBe(
      '> Context first. *The prime ministers launched TSI.* More after.',
    );
    expect(contexts(message.blocks)[0]).toBe('📄 `one.txt` · *Title of one.txt* · 2024-07-24');
    expect(message.text).toBe('Context first. The prime ministers launched TSI. More after. (one.txt)');
  });

  it('shows at most three passages', () => {
    const many = ['1', '2', '3', '4'].map((n) => passage([`Sentence ${n}.`], 0, `${n}.txt`));
    expect(sections(buildAnswerBlocks(answer(many), { ref }).blocks)).toHaveLength(3);
  });

  it('escapes corpus text so it can never ping or link', () => {
    const message = buildAnswerBlocks(
      answer([passage(['Tell <!channel> & <@U123> about <https://x.test|this>.'])]),
      { ref },
    );
    const text = sections(message.blocks)[0];
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt; about &lt;https://x.test|this&gt;.');
    expect(message.text).not.toMatch(/<[!@]/);
  });

  it('keeps a huge passage within the section limit, the answering sentence near the top and bold closed', () => {
    const lead = Array.from({ length: 40 }, (_, i) => `Leading sentence number ${i} with some words.`);
    const tail = Array.from({ length: 200 }, (_, i) => `Trailing sentence number ${i} with some words.`);
    const text = sections(
      buildAnswerBlocks(answer([passage([...lead, 'The answer is here.', ...tail], 40)]), { ref }).blocks,
    )[0];
    expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    expect(text.indexOf('*The answer is here.*')).toBeLessThan(400);
    expect(text.startsWith('> … ')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('offers More results only when there are further passages, feedback always, and sharing on request', () => {
    const plain = buildAnswerBlocks(answer([passage(['A.'])]), { ref });
    expect(actionIds(plain.blocks)).toEqual([ANSWER_ACTIONS.feedbackUp, ANSWER_ACTIONS.feedbackDown]);
    const full = buildAnswerBlocks(answer([passage(['A.'])], [passage(['B.'])]), { ref, shareable: true });
    expect(actionIds(full.blocks)).toEqual([
      ANSWER_ACTIONS.more,
      ANSWER_ACTIONS.feedbackUp,
      ANSWER_ACTIONS.feedbackDown,
      ANSWER_ACTIONS.share,
    ]);
  });

  it('echoes a long question shortened, escaped and without pinging', () => {
    const question = `<!here> ${'why '.repeat(200)}`;
    const message = buildAnswerBlocks(answer([passage(['A.'])], [], question), {
      ref,
      echo: { askedBy: 'U0ASKER' },
    });
    const echo = contexts(message.blocks).at(-1) ?? '';
    expect(echo.startsWith('<@U0ASKER> asked: “&lt;!here&gt; why')).toBe(true);
    expect(echo.length).toBeLessThan(260);
    expect(echo).toMatch(/…”$/);
  });

  it('says plainly that the corpus has no answer, with the sources hint and no citation or button', () => {
    const message = buildAnswerBlocks(answer([]), { ref, shareable: true });
    expect(message.text).toMatch(/corpus doesn't answer/);
    expect(message.text).toContain('/coop sources');
    expect(message.blocks).toHaveLength(1);
    expect(actionIds(message.blocks)).toEqual([]);
  });
});

describe('the answer message in detail', () => {
  type Button = {
    type: string;
    action_id: string;
    text: { type: string; text: string; emoji: boolean };
    style?: string;
  };
  const buttons = (blocks: unknown[]) =>
    (blocks as Array<{ type: string; block_id?: string; elements?: Button[] }>).filter(
      (b) => b.type === 'actions',
    );

  it('labels its buttons as people read them, sharing as the primary one', () => {
    const message = buildAnswerBlocks(answer([passage(['A.'])], [passage(['B.'])]), { ref, shareable: true });
    const [actions] = buttons(message.blocks);
    expect(actions?.block_id).toBe('coop_answer_actions');
    expect(
      actions?.elements?.map((button) => [
        button.type,
        button.text.type,
        button.text.text,
        button.text.emoji,
      ]),
    ).toEqual([
      ['button', 'plain_text', 'More results', true],
      ['button', 'plain_text', '👍 Helpful', true],
      ['button', 'plain_text', '👎 Not helpful', true],
      ['button', 'plain_text', 'Share in channel', true],
    ]);
    expect(actions?.elements?.map((button) => button.style)).toEqual([
      undefined,
      undefined,
      undefined,
      'primary',
    ]);
  });

  it('gives notification text without markup, naming every source', () => {
    const cited = passage(['The answer.'], 0, 'a.txt', {
      citations: [
        { file: 'a.txt', title: 'A' },
        { file: 'b.txt', title: 'B' },
      ],
    });
    expect(buildAnswerBlocks(answer([cited]), { ref }).text).toBe('The answer. (a.txt, b.txt)');
    expect(buildAnswerBlocks(answer([passage(['Context.', 'The answer.'], 1)]), { ref }).text).toBe(
      'Context. The answer. (a.txt)',
    );
  });

  it('quotes a sentence on one line, and marks the last sentence when the answering one is out of range', () => {
    const spaced = buildAnswerBlocks(answer([passage(['  The answer\n is   here.  '])]), { ref });
    expect(sections(spaced.blocks)[0]).toBe('> *The answer is here.*');
    const beyond = buildAnswerBlocks(answer([passage(['First.', 'Second.'], 5)]), { ref });
    expect(sections(beyond.blocks)[0]).toBe('> First. *Second.*');
  });

  it('keeps up to 280 characters of what comes before the answering sentence', () => {
    // 140 and 139 characters, with the space between them: exactly 280.
    const lead = [`${'a'.repeat(139)}.`, `${'b'.repeat(138)}.`];
    const kept = sections(
      buildAnswerBlocks(answer([passage([...lead, 'The answer.'], 2)]), { ref }).blocks,
    )[0];
    expect(kept).toBe(`> ${lead.join(' ')} *The answer.*`);
    const longer = [`${'a'.repeat(140)}.`, `${'b'.repeat(138)}.`];
    const cut = sections(
      buildAnswerBlocks(answer([passage([...longer, 'The answer.'], 2)]), { ref }).blocks,
    )[0];
    expect(cut).toBe(`> … ${longer[1]} *The answer.*`);
  });

  it('ends a long passage after a whole sentence, and keeps a huge answering sentence bold', () => {
    const tail = Array.from({ length: 200 }, (_, i) => `Trailing sentence number ${i} with some words.`);
    const long = sections(buildAnswerBlocks(answer([passage(['The answer.', ...tail])]), { ref }).blocks)[0];
    expect(long).toMatch(/ with some words\. …$/);
    const huge = sections(
      buildAnswerBlocks(answer([passage(['x'.repeat(4000), 'After.'])]), { ref }).blocks,
    )[0];
    expect(huge.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    expect(huge).toMatch(/^> \*x+…\*/);
  });

  it('shows asterisks in a title without breaking its bold', () => {
    const starred = passage(['A.'], 0, 'a.txt', { citations: [{ file: 'a.txt', title: 'Q*bert wins' }] });
    expect(contexts(buildAnswerBlocks(answer([starred]), { ref }).blocks)[0]).toBe(
      '📄 `a.txt` · *Q∗bert wins*',
    );
  });

  it('treats an answer without a passage as no answer, and echoes the question to its asker', () => {
    const empty: Answer = { ...answer([]), answered: true };
    const message = buildAnswerBlocks(empty, { ref, echo: {} });
    expect(message.text).toMatch(/corpus doesn't answer/);
    expect(contexts(message.blocks).at(-1)).toBe('You asked: “who launched TSI”');
  });

  it('heads further results with the question, and says when there are none left', () => {
    const more = [passage(['More 1.'])];
    expect(
      contexts(buildMorePassagesBlocks(answer([passage(['A.'])], more), { ...ref, shown: 0 }).blocks)[0],
    ).toBe('More results for “who launched TSI”:');
    const none = buildMorePassagesBlocks(answer([passage(['A.'])], more), { ...ref, shown: 1 });
    expect(none.text).toBe('No more results for “who launched TSI”.');
    expect(sections(none.blocks)).toEqual(['No more results for “who launched TSI”.']);
  });
});

describe('buildMorePassagesBlocks', () => {
  const more = ['1', '2', '3', '4', '5'].map((n) => passage([`More ${n}.`], 0, `${n}.txt`));

  it('pages through the further passages three at a time', () => {
    const first = buildMorePassagesBlocks(answer([passage(['A.'])], more), { ...ref, shown: 0 });
    expect(sections(first.blocks)).toEqual(['> *More 1.*', '> *More 2.*', '> *More 3.*']);
    expect(actionIds(first.blocks)).toEqual([ANSWER_ACTIONS.more]);
    const second = buildMorePassagesBlocks(answer([passage(['A.'])], more), { ...ref, shown: 3 });
    expect(sections(second.blocks)).toEqual(['> *More 4.*', '> *More 5.*']);
    expect(actionIds(second.blocks)).toEqual([]);
  });

  it('says when there is nothing more', () => {
    expect(buildMorePassagesBlocks(answer([passage(['A.'])], more), { ...ref, shown: 5 }).text).toMatch(
      /No more results/,
    );
  });
});
