import type { Logger } from '../logging/logger';
import { QuestionLog } from '../question-log/question-log';
import { FileInbox } from './file-inbox';
import type { CoopStore } from './types';

/**
 * The store of one process without a database: the inbox in `DATA_DIR/inbox.jsonl` and the question log
 * in `DATA_DIR/questions.jsonl`, as `npm start` has always kept it. No server, nothing shared.
 */
export async function openFileStore(options: {
  dataDir: string;
  questionLogMaxBytes: number;
  logger: Logger;
}): Promise<CoopStore> {
  const inbox = await FileInbox.open(options.dataDir, { logger: options.logger });
  const questionLog = new QuestionLog({
    dir: options.dataDir,
    maxBytes: options.questionLogMaxBytes,
    logger: options.logger,
  });
  return {
    inbox,
    questionLog,
    problem: async () => undefined,
    close: () => inbox.close(),
  };
}
