import type { types } from '@slack/bolt';
import { citationSource, citationUrl } from '../../answer/citation-location';
import { layOutSentences } from '../../answer/passage-layout';
import type { Answer, AnswerPassage, Citation } from '../../answer/types';
import { type AnswerRef, encodeAnswerRef } from '../answer-ref';
import {
  contextBlock,
  echoQuestion,
  escapeMrkdwn,
  FALLBACK_TEXT_LIMIT,
  SECTION_TEXT_LIMIT,
  type SlackMessage,
  sectionBlock,
  shorten,
} from './mrkdwn';
import { buildNoAnswerBlocks } from './no-answer';

/** The `action_id`s of an answer's buttons; the listeners register exactly these. */
export const ANSWER_ACTIONS = {
  share: 'coop_share',
  more: 'coop_more',
  feedbackUp: 'coop_feedback_up',
  feedbackDown: 'coop_feedback_down',
} as const;

/** Passages shown per message, the first answer and each "More results" page alike. */
export const PASSAGES_PER_MESSAGE = 3;

/** Options of {@link buildAnswerBlocks}. */
export interface AnswerBlockOptions {
  /** What the buttons carry, so "More results", feedback and sharing find this answer again. */
  ref: AnswerRef;
  /** Offer "Share in channel": for the private answer to `/coop`. */
  shareable?: boolean;
  /**
   * Echo the question under the answer, where it is not visible above it (a `/coop` answer or a shared
   * one): `askedBy` names the asker (`<@U…>`), otherwise it reads "You asked".
   */
  echo?: { askedBy?: string };
}

/** Text before the answering sentence kept for context; more would push the answer down the message. */
const LEADING_CONTEXT_LIMIT = 280;
/** Room for one quoted passage, under the section limit with space for the quote marker and ellipses. */
const PASSAGE_LIMIT = SECTION_TEXT_LIMIT - 100;
const TITLE_LIMIT = 150;
const CITATIONS_PER_PASSAGE = 5;

/**
 * An answer as a Slack message: the answering passage first, quoted with its answering sentence in
 * bold, then up to two more passages; under each a context line per citation (file, title, date).
 * Buttons: "More results" when the engine has further passages, 👍/👎 feedback, and "Share in channel"
 * when `shareable`. An unanswered question gets {@link buildNoAnswerBlocks} instead, citing nothing.
 */
export function buildAnswerBlocks(answer: Answer, options: AnswerBlockOptions): SlackMessage {
  if (!answer.answered || answer.passages.length === 0) {
    const noAnswer = buildNoAnswerBlocks();
    if (options.echo) noAnswer.blocks.push(contextBlock(echoLine(answer.question, options.echo.askedBy)));
    return noAnswer;
  }
  const passages = answer.passages.slice(0, PASSAGES_PER_MESSAGE);
  const blocks: types.KnownBlock[] = passages.flatMap(passageBlocks);
  if (options.echo) blocks.push(contextBlock(echoLine(answer.question, options.echo.askedBy)));
  blocks.push(
    actionsBlock([
      ...(answer.morePassages.length > 0 ? [moreButton({ ...options.ref, shown: 0 })] : []),
      ...feedbackButtons(options.ref),
      ...(options.shareable ? [shareButton(options.ref)] : []),
    ]),
  );
  return { text: fallbackText(passages[0]), blocks };
}

/**
 * The next page of an answer's further passages, for the "More results" button: up to three passages
 * after the `shown` ones, with another "More results" button while some remain.
 */
export function buildMorePassagesBlocks(answer: Answer, ref: AnswerRef): SlackMessage {
  const shown = ref.shown ?? 0;
  const page = answer.morePassages.slice(shown, shown + PASSAGES_PER_MESSAGE);
  if (page.length === 0) {
    const text = `No more results for “${echoQuestion(answer.question)}”.`;
    return { text, blocks: [sectionBlock(text)] };
  }
  const blocks: types.KnownBlock[] = [
    contextBlock(`More results for “${echoQuestion(answer.question)}”:`),
    ...page.flatMap(passageBlocks),
  ];
  const nextShown = shown + page.length;
  if (nextShown < answer.morePassages.length)
    blocks.push(actionsBlock([moreButton({ ...ref, shown: nextShown })]));
  return { text: fallbackText(page[0]), blocks };
}

function passageBlocks(passage: AnswerPassage): types.KnownBlock[] {
  const note = passage.dateNote ? `🗓 ${escapeMrkdwn(passage.dateNote)}\n` : '';
  return [sectionBlock(quotedPassage(passage)), contextBlock(`${note}${citationLines(passage.citations)}`)];
}

/**
 * The passage as a mrkdwn quote. Leading sentences beyond a short budget are dropped so the bold
 * answering sentence stays near the top; trailing ones are kept while they fit.
 */
function quotedPassage(passage: AnswerPassage): string {
  const sentences = passage.sentences.map((sentence) => escapeMrkdwn(sentence.replace(/\s+/g, ' ').trim()));
  const at = Math.min(Math.max(passage.answerSentence, 0), sentences.length - 1);
  let first = 0;
  while (first < at && sentences.slice(first, at).join(' ').length > LEADING_CONTEXT_LIMIT) first++;
  const parts = sentences.slice(first, at);
  parts.push(bold(sentences[at] ?? ''));
  let length = parts.join(' ').length;
  let trimmedTail = false;
  for (const sentence of sentences.slice(at + 1)) {
    if (length + sentence.length + 1 > PASSAGE_LIMIT) {
      trimmedTail = true;
      break;
    }
    parts.push(sentence);
    length += sentence.length + 1;
  }
  const text = layOutSentences(parts, passage.listItems, first);
  return `> ${first > 0 ? '… ' : ''}${text}${trimmedTail ? ' …' : ''}`.replace(/\n/g, '\n> ');
}

/** Bold mrkdwn; asterisks inside would end the bold early, so they become a look-alike. */
function bold(sentence: string): string {
  if (sentence === '') return sentence;
  return `*${shorten(sentence, PASSAGE_LIMIT - LEADING_CONTEXT_LIMIT - 10).replace(/\*/g, '∗')}*`;
}

function citationLines(citations: Citation[]): string {
  const lines = citations.slice(0, CITATIONS_PER_PASSAGE).map(citationLine);
  const hidden = citations.length - CITATIONS_PER_PASSAGE;
  if (hidden > 0)
    lines.push(`…and ${hidden} more ${hidden === 1 ? 'document' : 'documents'} with this passage`);
  return lines.join('\n');
}

/**
 * One citation as mrkdwn: `file` and where in it (`report.pdf` · p. 12, `handbook.md` › Onboarding ›
 * Laptops), then *title* (a link to the document, at the page for a PDF, when it has a URL) and date.
 */
export function citationLine(citation: Citation): string {
  const file = `📄 ${escapeMrkdwn(citationSource(citation, `\`${citation.file.replace(/`/g, "'")}\``))}`;
  const text = shorten(escapeMrkdwn(citation.title), TITLE_LIMIT).replace(/\*/g, '∗');
  const url = citationUrl(citation);
  const title = url
    ? `*<${url.replace(/[<>| ]/g, encodeURIComponent)}|${text.replace(/\|/g, '∣')}>*`
    : `*${text}*`;
  return [file, title, citation.date].filter(Boolean).join(' · ');
}

function echoLine(question: string, askedBy: string | undefined): string {
  return `${askedBy ? `<@${askedBy}> asked` : 'You asked'}: “${echoQuestion(question)}”`;
}

/**
 * Plain fallback text (notifications, screen readers, clients without blocks): the first passage as the
 * message shows it, without markup, and the files it comes from.
 */
function fallbackText(passage: AnswerPassage): string {
  const quote = quotedPassage(passage)
    .replace(/^> /, '')
    .replace(/(^|\s)\*([^*]+)\*(?=\s|$)/g, '$1$2');
  const sources = passage.citations.map((citation) => escapeMrkdwn(citationSource(citation))).join(', ');
  return shorten(`${quote} (${sources})`, FALLBACK_TEXT_LIMIT);
}

function actionsBlock(elements: types.Button[]): types.ActionsBlock {
  return { type: 'actions', block_id: 'coop_answer_actions', elements };
}

function button(actionId: string, label: string, ref: AnswerRef): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label, emoji: true },
    value: encodeAnswerRef(ref),
  };
}

function moreButton(ref: AnswerRef): types.Button {
  return button(ANSWER_ACTIONS.more, 'More results', ref);
}

function feedbackButtons(ref: AnswerRef): types.Button[] {
  return [
    button(ANSWER_ACTIONS.feedbackUp, '👍 Helpful', ref),
    button(ANSWER_ACTIONS.feedbackDown, '👎 Not helpful', ref),
  ];
}

function shareButton(ref: AnswerRef): types.Button {
  return { ...button(ANSWER_ACTIONS.share, 'Share in channel', ref), style: 'primary' };
}
