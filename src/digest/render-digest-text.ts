import type { AskedQuestion, Digest, DigestDocument } from './types';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Monday 2 March 2026" for a `YYYY-MM-DD` day (assembled from parts: ICU versions differ on commas). */
export function formatDay(day: string): string {
  const parts = Object.fromEntries(
    dayFormat.formatToParts(new Date(`${day}T12:00:00Z`)).map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "3 questions" / "1 question". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** One line about the period: "since the digest of Friday 27 February 2026". */
export function describePeriod(digest: Digest): string {
  return digest.previousDay
    ? `since the digest of ${formatDay(digest.previousDay)}`
    : `since ${digest.since.slice(0, 16).replace('T', ' ')} UTC`;
}

/** "12 questions (3 follow-ups) from 4 people · 👍 5 · 👎 1". */
export function describeQuestions(digest: Digest): string {
  const q = digest.questions;
  const followUps = q.followUps > 0 ? ` (${plural(q.followUps, 'follow-up')})` : '';
  return `${plural(q.total, 'question')}${followUps} from ${plural(q.askers, 'person', 'people')} · 👍 ${q.up} · 👎 ${q.down}`;
}

/** "(asked 3×, 👍 1 👎 2)" after a question. */
export function describeAsked(asked: AskedQuestion): string {
  const parts = [asked.count > 1 ? `asked ${asked.count}×` : 'asked once'];
  if (asked.up + asked.down > 0) parts.push(`👍 ${asked.up} 👎 ${asked.down}`);
  return `(${parts.join(', ')})`;
}

/** "Title (2026-03-02) — file.txt". */
export function describeDocument(doc: DigestDocument): string {
  return `${doc.title}${doc.date ? ` (${doc.date})` : ''} — ${doc.file}`;
}

/**
 * The digest as plain text, for the offline console's `/digest`: the same sections, in the same order, as
 * the Slack message.
 */
export function renderDigestText(digest: Digest): string {
  const lines = [`Coop digest for ${formatDay(digest.day)} (${digest.timeZone}), ${describePeriod(digest)}`];

  if (digest.empty) {
    lines.push('', 'Nothing new in the corpus and no questions.');
    if (digest.fromTheCorpus) {
      lines.push('', 'From the corpus:', `  ${describeDocument(digest.fromTheCorpus)}`);
      lines.push(`    “${digest.fromTheCorpus.leadSentence}”`);
    }
    return lines.join('\n');
  }

  const documentSection = (heading: string, documents: DigestDocument[]) => {
    if (documents.length === 0) return;
    lines.push('', `${heading} (${documents.length}):`);
    for (const doc of documents) lines.push(`  • ${describeDocument(doc)}`, `    ${doc.leadSentence}`);
  };
  documentSection('New documents', digest.newDocuments);
  documentSection('Changed documents', digest.changedDocuments);
  if (digest.removedDocuments.length > 0) {
    lines.push('', `Removed (${digest.removedDocuments.length}): ${digest.removedDocuments.join(', ')}`);
  }

  lines.push('', `Questions: ${describeQuestions(digest)}`);
  const questionSection = (heading: string, asked: AskedQuestion[]) => {
    if (asked.length === 0) return;
    lines.push(`  ${heading}:`);
    for (const item of asked) lines.push(`    • “${item.question}” ${describeAsked(item)}`);
  };
  questionSection('Most asked', digest.questions.mostAsked);
  questionSection('No answer in the corpus', digest.questions.unanswered);
  questionSection('Answers rated 👎', digest.questions.poorlyRated);
  lines.push('', `${plural(digest.documentCount, 'document')} in the corpus.`);
  return lines.join('\n');
}
