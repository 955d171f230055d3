import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { openFileStore } from './file-store';
import { openPostgresStore } from './postgres-store';
import type { CoopStore } from './types';

/** PostgreSQL when `DATABASE_URL` is set, otherwise the `DATA_DIR` files. */
export function openStore(config: Config, logger: Logger): Promise<CoopStore> {
  const { databaseUrl } = config.operations;
  if (databaseUrl) return openPostgresStore({ connectionString: databaseUrl, logger });
  return openFileStore({ dataDir: config.dataDir, questionLogMaxBytes: config.questionLogMaxBytes, logger });
}
