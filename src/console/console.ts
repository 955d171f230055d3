import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Answer, AnswerEngine } from '../answer/types';
import type { Logger } from '../logging/logger';
import type { QuestionRecorder } from '../question-log/types';
import { renderAnswerText, renderHelpText, renderMorePassagesText, renderSourcesText } from './render';

/** What the console is built on: the same engine and question log as the Slack app. */
export interface ConsoleDeps {
  engine: AnswerEngine;
  questionLog: QuestionRecorder;
  logger: Logger;
  /** The digest as plain text, for `/digest`; absent when the digest is not configured. */
  digestText?: () => Promise<string>;
  now?: () => Date;
}

/** Where the console reads and writes. */
export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: show a greeting and a prompt. Piped input gets neither, and each question is echoed. */
  interactive: boolean;
}

const PASSAGES_PER_PAGE = 3;

/**
 * One console conversation: each question after the first is a follow-up of the earlier ones until
 * `/new`. Questions are recorded in the question log like Slack's, with the user `console`.
 */
export class ConsoleSession {
  private history: string[] = [];
  private last: { answer: Answer; shown: number } | undefined;

  constructor(private readonly deps: ConsoleDeps) {}

  /** The reply to one line of input; undefined when the user asked to leave. */
  async reply(line: string): Promise<string | undefined> {
    const input = line.trim();
    switch (input.toLowerCase()) {
      case '':
        return '';
      case '/quit':
      case '/exit':
        return undefined;
      case '/help':
        return renderHelpText();
      case '/new':
        this.history = [];
        this.last = undefined;
        return 'New conversation: the next question starts afresh.';
      case '/sources':
        return renderSourcesText(this.deps.engine.documents());
      case '/digest':
        return this.deps.digestText
          ? await this.deps.digestText()
          : 'The digest is not configured (set DIGEST_CHANNEL).';
      case '/more':
        return this.more();
    }
    if (input.startsWith('/')) return `Unknown command ${input}. ${renderHelpText()}`;
    return this.ask(input);
  }

  private async ask(question: string): Promise<string> {
    const history = [...this.history];
    const answer = this.deps.engine.answer(question, history.length > 0 ? { history } : {});
    this.history.push(question);
    this.last = { answer, shown: 0 };
    await this.deps.questionLog.record({
      kind: 'question',
      questionId: randomUUID(),
      at: (this.deps.now?.() ?? new Date()).toISOString(),
      surface: 'console',
      user: 'console',
      question,
      followUp: history.length > 0,
      answered: answer.answered,
      sources: answer.answered
        ? [
            ...new Set(
              answer.passages.flatMap((passage) => passage.citations.map((citation) => citation.file)),
            ),
          ]
        : [],
    });
    return renderAnswerText(answer);
  }

  private more(): string {
    if (!this.last) return 'Ask a question first.';
    const { answer, shown } = this.last;
    const page = answer.morePassages.slice(shown, shown + PASSAGES_PER_PAGE);
    this.last.shown = shown + page.length;
    return renderMorePassagesText(answer, page, answer.morePassages.length - this.last.shown);
  }
}

/**
 * The offline console: reads questions a line at a time from `io.input` (a terminal or a pipe),
 * prints answers with citations, and resolves at end of input or `/quit`.
 */
export async function runConsole(deps: ConsoleDeps, io: ConsoleIO): Promise<void> {
  const session = new ConsoleSession(deps);
  const lines = createInterface({
    input: io.input,
    output: io.interactive ? io.output : undefined,
    terminal: io.interactive,
  });
  const write = (text: string) => io.output.write(`${text}\n`);
  if (io.interactive) {
    write(`coop: ask about the documents in the corpus. Type /help for commands.\n`);
    lines.setPrompt('coop> ');
    lines.prompt();
  }
  try {
    for await (const line of lines) {
      if (!io.interactive && line.trim() !== '' && !line.trim().startsWith('/')) write(`> ${line.trim()}`);
      let reply: string | undefined;
      try {
        reply = await session.reply(line);
      } catch (error) {
        deps.logger.error('Answering failed', error);
        reply = 'Sorry, something went wrong while answering; it has been logged.';
      }
      if (reply === undefined) break;
      if (reply !== '') write(`${reply}\n`);
      if (io.interactive) lines.prompt();
    }
  } finally {
    lines.close();
  }
}
