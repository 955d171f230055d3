import type { types } from '@slack/bolt';

/** A Slack message: Block Kit blocks plus the plain fallback `text` shown in notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Block Kit's limit on a section's text. */
export const SECTION_TEXT_LIMIT = 3000;
/** Block Kit's limit on the blocks of one message. */
export const MESSAGE_BLOCK_LIMIT = 50;
/** Longest fallback `text` sent; Slack truncates beyond 4000 characters, so stay clear of it. */
export const FALLBACK_TEXT_LIMIT = 3000;
/** How much of a question is echoed back; longer ones are shortened. */
export const QUESTION_ECHO_LIMIT = 200;

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` become entities, so `<!channel>`, `<!here>`,
 * `<!everyone>`, `<@U123>` and links in corpus or user text are shown, never acted on.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Shortens escaped mrkdwn to at most `max` characters, ending with `…`. Never cuts an entity such as
 * `&amp;` or a surrogate pair in half, and prefers to cut at a space near the end.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.8) cut = cut.slice(0, space);
  cut = cut.replace(/&[a-z]*$/, '').replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.trimEnd()}…`;
}

/** A user's question, escaped and shortened for echoing inside a message. */
export function echoQuestion(question: string): string {
  return shorten(escapeMrkdwn(question.replace(/\s+/g, ' ').trim()), QUESTION_ECHO_LIMIT);
}

/** A mrkdwn section block, its text held to Block Kit's limit. */
export function sectionBlock(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: shorten(text, SECTION_TEXT_LIMIT) } };
}

/** A context block holding one mrkdwn element. */
export function contextBlock(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: shorten(text, SECTION_TEXT_LIMIT) }] };
}

/** A message of plain sentences: one section, and the same text as fallback. */
export function buildNoticeBlocks(text: string): SlackMessage {
  return { text: shorten(text, FALLBACK_TEXT_LIMIT), blocks: [sectionBlock(text)] };
}
