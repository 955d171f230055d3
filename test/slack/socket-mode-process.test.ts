import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { FakeSlackApi } from '../support/fake-slack-api';
import { sendMention } from '../support/socket-mode';

const repoRoot = path.resolve(__dirname, '../..');

describe('npm start in Socket Mode', () => {
  let api: FakeSlackApi;
  let server: WebSocketServer;
  let dataDir: string;
  let coop: ChildProcess | undefined;

  beforeEach(async () => {
    api = await FakeSlackApi.start();
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    api.socketModeUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
    dataDir = mkdtempSync(path.join(tmpdir(), 'coop-socket-'));
  });

  afterEach(async () => {
    if (coop && coop.exitCode === null) {
      const exited = new Promise((resolve) => coop?.once('exit', resolve));
      coop.kill('SIGTERM');
      await exited;
    }
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects from its bundle, acknowledges a mention and answers it in the thread', async () => {
    const connected = new Promise<WebSocket>((resolve) =>
      server.once('connection', (socket) => {
        socket.send(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0COOP' } }),
        );
        resolve(socket);
      }),
    );
    let log = '';
    coop = spawn(process.execPath, ['scripts/start.js'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SLACK_APP_TOKEN: 'xapp-1-A0COOP-1234-testtoken',
        SLACK_BOT_TOKEN: 'xoxb-1111-2222-testtoken',
        SLACK_API_URL: api.url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    coop.stderr?.on('data', (chunk) => {
      log += chunk;
    });
    const socket = await connected;
    expect(await sendMention(socket, 'who launched TSI')).toMatchObject({ envelope_id: 'envelope-1' });
    const deadline = Date.now() + 20_000;
    while (api.messages.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(api.messages).toHaveLength(1);
    expect(api.messages[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000100' });
    expect(api.messages[0].text).toMatch(/Technology Security Initiative/);
    expect(log).toMatch(/coop is connected to Slack \(Socket Mode\)/);
  }, 40_000);
});
