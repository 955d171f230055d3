import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BOT_ID, BOT_USER, TEAM } from './slack-request';

/** A message the fake Slack stored. */
export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  user?: string;
}

/** How the fake treats one Web API method. */
export interface MethodFault {
  /** Answer after this long. */
  delayMs?: number;
  /** Never answer (the socket is dropped when the server closes). */
  hang?: boolean;
  /** Answer with this HTTP status and no Slack body. */
  status?: number;
}

/**
 * A stand-in for the Slack Web API on 127.0.0.1, as a real HTTP server, for tests that run coop as a
 * separate process. It keeps messages the way Slack does: `chat.postMessage` stores a message (with its
 * metadata) and gives it a ts, `conversations.replies` and `conversations.history` read them back,
 * `chat.delete` removes one. Faults (a delay, a hang, an error status) can be set per method.
 */
export class FakeSlackApi {
  readonly messages: StoredMessage[] = [];
  readonly ephemerals: Array<Record<string, unknown>> = [];
  /** Calls received, by method. */
  readonly calls = new Map<string, number>();
  readonly faults = new Map<string, MethodFault>();
  /** What `apps.connections.open` hands out: the Socket Mode server to connect to. */
  socketModeUrl?: string;
  private nextTs = 1;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlackApi> {
    const server = createServer();
    const api = new FakeSlackApi(server);
    server.on('request', (request, response) => void api.handle(request, response));
    server.on('connection', (socket) => {
      api.sockets.add(socket);
      socket.on('close', () => api.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** `SLACK_API_URL` for coop. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** Answers posted in threads, by `channel:thread_ts`. */
  answersByThread(): Map<string, StoredMessage[]> {
    const threads = new Map<string, StoredMessage[]>();
    for (const message of this.messages) {
      if (message.metadata?.event_type !== 'coop_answer') continue;
      const key = `${message.channel}:${message.thread_ts ?? message.ts}`;
      threads.set(key, [...(threads.get(key) ?? []), message]);
    }
    return threads;
  }

  callCount(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.url ?? '').split('?')[0]?.split('/').pop() ?? '';
    const args = parseArgs(await readBody(request), request.headers['content-type']);
    this.calls.set(method, this.callCount(method) + 1);
    const fault = this.faults.get(method);
    if (fault?.hang) return;
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.status) {
      response.writeHead(fault.status).end();
      return;
    }
    const reply = (body: Record<string, unknown>) => {
      if (response.destroyed) return;
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ ok: true, ...body }));
    };
    switch (method) {
      case 'auth.test':
        return reply({ user_id: BOT_USER, bot_id: BOT_ID, team_id: TEAM });
      case 'apps.connections.open':
        return reply({ url: this.socketModeUrl });
      case 'chat.postMessage': {
        const message: StoredMessage = {
          channel: String(args.channel),
          ts: `1800000000.${String(this.nextTs++).padStart(6, '0')}`,
          thread_ts: typeof args.thread_ts === 'string' ? args.thread_ts : undefined,
          text: typeof args.text === 'string' ? args.text : undefined,
          metadata: args.metadata as StoredMessage['metadata'],
          user: BOT_USER,
        };
        // Stored before the reply goes out, as Slack does: a reply lost on the way leaves the message posted.
        this.messages.push(message);
        return reply({ channel: message.channel, ts: message.ts });
      }
      case 'chat.postEphemeral':
        this.ephemerals.push(args);
        return reply({ message_ts: `${Date.now() / 1000}` });
      case 'chat.delete': {
        const index = this.messages.findIndex((m) => m.channel === args.channel && m.ts === args.ts);
        if (index >= 0) this.messages.splice(index, 1);
        return reply({});
      }
      case 'conversations.replies': {
        const thread = this.messages.filter(
          (m) => m.channel === args.channel && (m.thread_ts === args.ts || m.ts === args.ts),
        );
        return reply({ messages: thread.map(asSlackMessage) });
      }
      case 'conversations.history': {
        const oldest = Number(args.oldest ?? 0);
        const inChannel = this.messages
          .filter((m) => m.channel === args.channel && Number(m.ts) >= oldest)
          .reverse();
        return reply({ messages: inChannel.map(asSlackMessage) });
      }
      default:
        return reply({});
    }
  }
}

function asSlackMessage(message: StoredMessage) {
  return { type: 'message', bot_id: BOT_ID, ...message };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
  for (const key of ['blocks', 'metadata']) {
    if (typeof args[key] === 'string') args[key] = JSON.parse(args[key] as string);
  }
  return args;
}
