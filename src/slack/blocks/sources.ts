import type { types } from '@slack/bolt';
import type { DocumentSummary } from '../../answer/types';
import {
  contextBlock,
  escapeMrkdwn,
  FALLBACK_TEXT_LIMIT,
  MESSAGE_BLOCK_LIMIT,
  SECTION_TEXT_LIMIT,
  type SlackMessage,
  sectionBlock,
  shorten,
} from './mrkdwn';

const TITLE_LIMIT = 150;

/**
 * The corpus for `/coop sources`: one line per document (title, file, date), packed into sections
 * of at most 3000 characters; past Block Kit's 50 blocks the rest is counted, not listed.
 */
export function buildSourcesBlocks(documents: DocumentSummary[]): SlackMessage {
  if (documents.length === 0) {
    const text = 'The corpus is empty: there are no documents to answer from yet.';
    return { text, blocks: [sectionBlock(text)] };
  }
  const count = `${documents.length} ${documents.length === 1 ? 'document' : 'documents'}`;
  const heading = `*${count} in the corpus*`;
  const sections: string[] = [heading];
  for (const document of documents) {
    const line = sourceLine(document);
    const last = sections.length - 1;
    if (sections[last].length + line.length + 1 <= SECTION_TEXT_LIMIT) sections[last] += `\n${line}`;
    else sections.push(line);
  }
  const room = MESSAGE_BLOCK_LIMIT - 1;
  const blocks: types.KnownBlock[] = sections.slice(0, room).map(sectionBlock);
  if (sections.length > room) {
    const listed = sections.slice(0, room).join('\n').split('\n').length - 1;
    blocks.push(contextBlock(`…and ${documents.length - listed} more documents not listed here.`));
  }
  const titles = documents.map((document) => escapeMrkdwn(document.title)).join('; ');
  return {
    text: shorten(`${count} in the corpus: ${titles}`, FALLBACK_TEXT_LIMIT),
    blocks,
  };
}

function sourceLine(document: DocumentSummary): string {
  const title = shorten(escapeMrkdwn(document.title), TITLE_LIMIT).replace(/\*/g, '∗');
  return [`• *${title}*`, `\`${escapeMrkdwn(document.file)}\``, document.date].filter(Boolean).join(' · ');
}
