import type { App, ReceiverEvent } from '@slack/bolt';
import {
  type DeliveryContext,
  DurableDelivery,
  deliveryKey,
  REPLAY_MAX_AGE_MS,
} from '../../src/slack/durable-delivery';
import { FileInbox } from '../../src/store/file-inbox';
import type { Inbox } from '../../src/store/types';
import { recordingLogger } from '../logging/recording-logger';
import { waitFor } from '../support/wait-for';
import { heldInbox, openTempInbox } from './support/slack-harness';

describe('deliveryKey', () => {
  it.each<[string, unknown, string | undefined]>([
    ['an event by its event_id', { type: 'event_callback', event_id: 'Ev1' }, 'event:Ev1'],
    ['a command by its trigger_id', { command: '/coop', trigger_id: 'T1' }, 'command:T1'],
    [
      'a click by its action and trigger_id',
      { type: 'block_actions', trigger_id: 'T2', actions: [{ action_id: 'more', action_ts: '17.1' }] },
      'action:more:T2',
    ],
    [
      'a click without a trigger_id by its action_ts',
      { type: 'block_actions', actions: [{ action_id: 'more', action_ts: '17.1' }] },
      'action:more:17.1',
    ],
    ['a click with neither as nothing to keep', { type: 'block_actions', actions: [{}] }, undefined],
    ['an event without an event_id as nothing to keep', { type: 'event_callback' }, undefined],
    ['a URL verification as nothing to keep', { type: 'url_verification', challenge: 'x' }, undefined],
    ['a command without a trigger_id as nothing to keep', { command: '/coop' }, undefined],
    ['no body as nothing to keep', undefined, undefined],
    ['a text body as nothing to keep', 'payload', undefined],
  ])('keys %s', (_name, body, key) => {
    expect(deliveryKey(body)).toBe(key);
  });
});

describe('DurableDelivery', () => {
  let opened: Awaited<ReturnType<typeof openTempInbox>>;
  let delivery: DurableDelivery | undefined;
  beforeEach(async () => {
    opened = await openTempInbox();
  });
  afterEach(async () => {
    delivery?.stop();
    delivery = undefined;
    await opened.remove();
  });

  /** A delivery in front of an app that records what reaches its listeners; Slack reachable or not. */
  function install(options: { reachable?: () => boolean; nowMs?: () => number; inbox?: Inbox } = {}) {
    const logger = recordingLogger();
    const handled: Array<{ key?: string; replayed?: boolean }> = [];
    const app = {
      processEvent: async (event: ReceiverEvent) => {
        const context = event.customProperties as DeliveryContext | undefined;
        handled.push({ key: context?.deliveryKey, replayed: context?.replayed });
      },
    } as unknown as App;
    delivery = new DurableDelivery({
      inbox: options.inbox ?? opened.inbox,
      slackReachable: options.reachable ?? (() => true),
      logger,
      nowMs: options.nowMs,
    });
    delivery.install(app);
    const acks: string[] = [];
    const deliver = (eventId: string) =>
      app.processEvent({
        body: { type: 'event_callback', event_id: eventId },
        ack: async () => {
          acks.push(eventId);
        },
      });
    return { app, handled, logger, acks, deliver };
  }

  /** A delivery in front of an app whose event processing is `processEvent`, Slack reachable. */
  function installOn(
    processEvent: (event: ReceiverEvent) => Promise<void>,
    { inbox = opened.inbox as Inbox, logger = recordingLogger() } = {},
  ) {
    const app = { processEvent } as unknown as App;
    const installed = new DurableDelivery({ inbox, slackReachable: () => true, logger });
    installed.install(app);
    delivery = installed;
    return { app, delivery: installed };
  }

  it('hands a delivery to the listeners once, however often Slack sends it', async () => {
    const { handled, acks, deliver } = install();
    await deliver('Ev1');
    await deliver('Ev1');
    expect(handled).toEqual([{ key: 'event:Ev1', replayed: false }]);
    // The repeat is acknowledged by the delivery itself; the first by the listeners (here, none).
    expect(acks).toEqual(['Ev1']);
    expect(await opened.inbox.claimUnanswered()).toEqual([]);
  });

  it('passes a request with nothing to keep straight to the listeners', async () => {
    const { app, handled } = install();
    await app.processEvent({ body: { type: 'url_verification' }, ack: async () => {} });
    expect(handled).toEqual([{ key: undefined, replayed: undefined }]);
  });

  it('keeps deliveries while Slack is unreachable and answers them once it is back', async () => {
    let reachable = false;
    const { handled, acks, logger, deliver } = install({ reachable: () => reachable });
    await deliver('Ev2');
    expect(acks).toEqual(['Ev2']);
    expect(handled).toEqual([]);
    expect(logger.lines).toContain(
      'Slack is unreachable; event:Ev2 is kept and will be answered when it is back',
    );
    await delivery?.sweep();
    expect(handled).toEqual([]);

    reachable = true;
    await delivery?.sweep();
    expect(handled).toEqual([{ key: 'event:Ev2', replayed: true }]);
    expect(logger.lines.at(-1)).toMatch(
      /^inbox: answering event:Ev2, received \d+ s ago and left unanswered$/,
    );
    await delivery?.sweep();
    expect(handled).toHaveLength(1);
  });

  it('drops a delivery left unanswered for more than ten minutes, saying so', async () => {
    let now = Date.parse('2026-01-05T09:00:00Z');
    let reachable = false;
    const { handled, logger, deliver } = install({ reachable: () => reachable, nowMs: () => now });
    await deliver('Ev3');
    now += REPLAY_MAX_AGE_MS;
    await deliver('Ev4');
    now += 1;
    reachable = true;
    await delivery?.sweep();
    expect(handled).toEqual([{ key: 'event:Ev4', replayed: true }]);
    expect(logger.text()).toContain(
      'inbox: dropped event:Ev3, received 2026-01-05T09:00:00.000Z: unanswered for more than 10 minutes, too late to answer',
    );
    expect(await opened.inbox.claimUnanswered()).toEqual([]);
  });

  it('handles a delivery whose acknowledgement came after the request was answered, and no other failing one', async () => {
    const logger = recordingLogger();
    const handled: string[] = [];
    // As Bolt does for events: acknowledge, then run the listeners.
    const { app } = installOn(
      async (event) => {
        await event.ack();
        handled.push((event.customProperties as DeliveryContext).deliveryKey ?? '');
      },
      { logger },
    );
    const failingAck = (error: Error) => ({
      body: { type: 'event_callback', event_id: `Ev-${error.message}` },
      ack: async () => {
        throw error;
      },
    });
    const headersSent = Object.assign(new Error('sent'), { code: 'ERR_HTTP_HEADERS_SENT' });
    await app.processEvent(failingAck(headersSent));
    // Any other failure of the acknowledgement fails the delivery, once its listeners have answered.
    await expect(app.processEvent(failingAck(new Error('twice')))).rejects.toThrow('twice');
    expect(handled).toEqual(['event:Ev-sent', 'event:Ev-twice']);
    expect(logger.text()).toContain('event:Ev-sent was acknowledged after Slack had stopped waiting');
    expect(logger.text()).not.toContain('event:Ev-twice was acknowledged after');
  });

  it('lets the listeners answer while a delivery is written, acknowledging it once it is kept', async () => {
    const steps: string[] = [];
    // As Bolt does for events: acknowledge, then run the listeners.
    const held = heldInbox(opened.inbox);
    const { app, delivery: keeping } = installOn(
      async (event) => {
        await event.ack();
        steps.push('answered');
      },
      { inbox: held.inbox },
    );
    let kept = false;
    const handled = app.processEvent({
      body: { type: 'event_callback', event_id: 'EvSlowDisk' },
      ack: async () => {
        steps.push('acknowledged');
      },
    });
    expect(await waitFor(() => steps.length > 0, 1000, 5)).toBe(true);
    void keeping.kept().then(() => {
      kept = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual(['answered']);
    expect(kept).toBe(false);

    held.release();
    await handled;
    expect(steps).toEqual(['answered', 'acknowledged']);
    expect(kept).toBe(true);
    // Written all the same: a restart finds it handled, and a repeat of it is dropped.
    const reopened = await FileInbox.open(opened.dir);
    expect(await reopened.receive({ key: 'event:EvSlowDisk', body: {}, receivedAt: Date.now() })).toBe(false);
    await reopened.close();
  });

  it("acknowledges Slack's repeat of a delivery still being written only once it is kept", async () => {
    const held = heldInbox(opened.inbox);
    const { app, handled, acks } = install({ inbox: held.inbox });
    const first = app.processEvent({
      body: { type: 'event_callback', event_id: 'EvSlow' },
      ack: async () => {
        acks.push('first');
      },
    });
    expect(await waitFor(() => handled.length > 0, 1000, 5)).toBe(true);
    const repeat = app.processEvent({
      body: { type: 'event_callback', event_id: 'EvSlow' },
      ack: async () => {
        acks.push('repeat');
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(acks).toEqual([]);

    held.release();
    await Promise.all([first, repeat]);
    expect(acks).toEqual(['repeat']);
    expect(handled).toEqual([{ key: 'event:EvSlow', replayed: false }]);
  });

  it('fails a delivery whose listeners acknowledge it twice, as Bolt does, once it is kept', async () => {
    const held = heldInbox(opened.inbox);
    const { app } = installOn(
      async (event) => {
        await event.ack();
        await event.ack();
      },
      { inbox: held.inbox },
    );
    let acks = 0;
    const handled = app.processEvent({
      body: { type: 'event_callback', event_id: 'EvTwice' },
      ack: async () => {
        if (++acks > 1) throw new Error('acknowledged twice');
      },
    });
    held.release();
    await expect(handled).rejects.toThrow('acknowledged twice');
    expect(acks).toBe(2);
  });

  it('answers a delivery the inbox could not write, acknowledging it and saying so', async () => {
    const logger = recordingLogger();
    const steps: string[] = [];
    const diskFull = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const inbox = opened.inbox;
    const { app, delivery: installed } = installOn(
      async (event) => {
        await event.ack();
        steps.push(`answered ${(event.customProperties as DeliveryContext).deliveryKey}`);
      },
      {
        inbox: {
          receive: (entry) => inbox.receive(entry),
          complete: (key) => inbox.complete(key),
          release: (key) => inbox.release(key),
          claimUnanswered: () => inbox.claimUnanswered(),
          // The write fails after the key was taken in hand; the second delivery's inbox fails outright.
          admit: async (entry) =>
            entry.key === 'event:EvFull'
              ? { fresh: true, kept: Promise.reject(diskFull) }
              : Promise.reject(diskFull),
        },
        logger,
      },
    );
    for (const eventId of ['EvFull', 'EvBroken']) {
      await app.processEvent({
        body: { type: 'event_callback', event_id: eventId },
        ack: async () => {
          steps.push(`acknowledged ${eventId}`);
        },
      });
    }
    await installed.kept();
    expect(steps.sort()).toEqual([
      'acknowledged EvBroken',
      'acknowledged EvFull',
      'answered event:EvBroken',
      'answered event:EvFull',
    ]);
    for (const key of ['event:EvFull', 'event:EvBroken'])
      expect(logger.text()).toContain(`inbox: could not keep ${key}; handling it without a safety net`);
  });

  it('says when no delivery is being handled any more', async () => {
    const logger = recordingLogger();
    let finish!: () => void;
    const { app, delivery: installed } = installOn(() => new Promise<void>((resolve) => (finish = resolve)), {
      logger,
    });
    await installed.whenIdle();
    const handling = app.processEvent({
      body: { type: 'event_callback', event_id: 'Ev5' },
      ack: async () => {},
    });
    let idle = false;
    // Wait until the listener holds the delivery.
    for (let i = 0; i < 200 && !finish; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finish).toBeDefined();
    void installed.whenIdle().then(() => {
      idle = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    finish();
    await handling;
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(true);
  });
});
