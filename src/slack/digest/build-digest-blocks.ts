import type { types } from '@slack/bolt';
import {
  describeAsked,
  describePeriod,
  describeQuestions,
  formatDay,
  plural,
} from '../../digest/render-digest-text';
import type { AskedQuestion, Digest, DigestDocument } from '../../digest/types';
import {
  contextBlock,
  escapeMrkdwn,
  FALLBACK_TEXT_LIMIT,
  MESSAGE_BLOCK_LIMIT,
  type SlackMessage,
  sectionBlock,
  shorten,
} from '../blocks/mrkdwn';

/** Options of {@link buildDigestBlocks}. */
export interface DigestBlockOptions {
  /** Marks the message as a preview (`/coop digest`) that is not the day's digest. */
  preview?: boolean;
}

/** Documents listed one by one per list; the rest are counted. Keeps the worst case well under 50 blocks. */
const DOCUMENTS_LISTED = 10;
const HEADER_LIMIT = 150;
const LEAD_LIMIT = 400;

/**
 * The digest as a Slack message: a header, new and changed documents (title, date, file, lead sentence),
 * then what people asked (counts, most asked, unanswered, 👍/👎). On an empty day, a "from the corpus" item.
 *
 * Corpus and user text is escaped, so nothing in it can ping a channel or a person. Sections stay within
 * 3000 characters and the message within 50 blocks; the fallback `text` summarises it for notifications.
 */
export function buildDigestBlocks(digest: Digest, options: DigestBlockOptions = {}): SlackMessage {
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: shorten(`Coop digest · ${formatDay(digest.day)}`, HEADER_LIMIT) },
    },
  ];
  if (options.preview) {
    blocks.push(
      contextBlock(
        ':eyes: Preview of the next digest, visible only to you. It is not posted and does not count as the day’s digest.',
      ),
    );
  }
  blocks.push(
    contextBlock(
      `${escapeMrkdwn(describePeriod(digest))} · ${plural(digest.documentCount, 'document')} in the corpus`,
    ),
  );

  if (digest.empty) {
    blocks.push(sectionBlock('Nothing new in the corpus and no questions since the last digest.'));
    if (digest.fromTheCorpus) {
      blocks.push(sectionBlock(`*From the corpus*\n${documentText(digest.fromTheCorpus)}`));
    }
    return { text: fallbackText(digest), blocks };
  }

  blocks.push(...documentBlocks('New documents', digest.newDocuments));
  blocks.push(...documentBlocks('Changed documents', digest.changedDocuments));
  if (digest.removedDocuments.length > 0) {
    const files = digest.removedDocuments.map((file) => `\`${escapeMrkdwn(file)}\``).join(', ');
    blocks.push(contextBlock(`Removed: ${files}`));
  }

  blocks.push({ type: 'divider' }, sectionBlock(`*Questions* · ${escapeMrkdwn(describeQuestions(digest))}`));
  const questions = digest.questions;
  blocks.push(...questionBlocks('*Most asked*', questions.mostAsked));
  blocks.push(...questionBlocks('*No answer in the corpus* (gaps worth filling)', questions.unanswered));
  blocks.push(...questionBlocks('*Answers rated 👎*', questions.poorlyRated));

  if (blocks.length > MESSAGE_BLOCK_LIMIT) {
    blocks.splice(MESSAGE_BLOCK_LIMIT - 1, Infinity, contextBlock('…more than fits in one message.'));
  }
  return { text: fallbackText(digest), blocks };
}

function documentText(doc: DigestDocument): string {
  const date = doc.date ? ` · ${doc.date}` : '';
  const lead = shorten(escapeMrkdwn(doc.leadSentence), LEAD_LIMIT);
  return `*${escapeMrkdwn(doc.title)}*${date} · \`${escapeMrkdwn(doc.file)}\`\n>${lead}`;
}

function documentBlocks(heading: string, documents: DigestDocument[]): types.KnownBlock[] {
  if (documents.length === 0) return [];
  const blocks: types.KnownBlock[] = [sectionBlock(`*${heading}* (${documents.length})`)];
  for (const doc of documents.slice(0, DOCUMENTS_LISTED)) blocks.push(sectionBlock(documentText(doc)));
  if (documents.length > DOCUMENTS_LISTED) {
    blocks.push(
      contextBlock(
        `…and ${documents.length - DOCUMENTS_LISTED} more; \`/coop sources\` lists every document.`,
      ),
    );
  }
  return blocks;
}

function questionBlocks(heading: string, asked: AskedQuestion[]): types.KnownBlock[] {
  if (asked.length === 0) return [];
  const lines = asked.map(
    (item) => `• “${shorten(escapeMrkdwn(item.question), 300)}” ${describeAsked(item)}`,
  );
  return [sectionBlock(`${heading}\n${lines.join('\n')}`)];
}

function fallbackText(digest: Digest): string {
  const day = formatDay(digest.day);
  if (digest.empty) {
    const item = digest.fromTheCorpus ? ` From the corpus: ${digest.fromTheCorpus.title}.` : '';
    return shorten(escapeMrkdwn(`Coop digest for ${day}: nothing new.${item}`), FALLBACK_TEXT_LIMIT);
  }
  const q = digest.questions;
  const parts = [
    plural(digest.newDocuments.length, 'new document'),
    plural(digest.changedDocuments.length, 'changed document'),
    `${plural(q.total, 'question')} (${q.unanswered.length} without an answer)`,
  ];
  return shorten(escapeMrkdwn(`Coop digest for ${day}: ${parts.join(', ')}.`), FALLBACK_TEXT_LIMIT);
}
