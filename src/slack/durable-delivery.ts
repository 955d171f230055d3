import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../logging/logger';
import type { CoopMetrics } from '../operations/metrics';
import type { Inbox } from '../store/types';

/** Unanswered deliveries older than this are dropped with a log line rather than answered late. */
export const REPLAY_MAX_AGE_MS = 10 * 60 * 1000;
/** How often the inbox is searched for deliveries left unanswered (by a replica that died, or an outage). */
const SWEEP_MS = 3000;
/** Deliveries replayed at once. */
const REPLAY_CONCURRENCY = 8;

/** What Bolt's context carries for a delivery kept in the inbox. */
export interface DeliveryContext {
  /** The delivery's key in the inbox; answers derive their question id from it. */
  deliveryKey?: string;
  /** True when the delivery is handled from the inbox, after a restart or an outage. */
  replayed?: boolean;
}

/** Options of {@link DurableDelivery}. */
export interface DurableDeliveryOptions {
  inbox: Inbox;
  /** Whether Slack can be called now; while it cannot, deliveries are acknowledged and kept. */
  slackReachable: () => boolean;
  logger: Logger;
  metrics?: CoopMetrics;
  nowMs?: () => number;
}

/**
 * The key identifying a delivery across Slack's retries: the event's `event_id`, a command's or a click's
 * `trigger_id` (or the action's own timestamp). Never the retry header: a retry whose first delivery
 * never arrived is a new delivery. Undefined for requests that need no keeping (URL verification).
 */
export function deliveryKey(body: unknown): string | undefined {
  const record = body as Record<string, unknown> | undefined;
  if (!record || typeof record !== 'object') return undefined;
  if (record.type === 'event_callback' && typeof record.event_id === 'string')
    return `event:${record.event_id}`;
  if (typeof record.command === 'string' && typeof record.trigger_id === 'string')
    return `command:${record.trigger_id}`;
  if (record.type === 'block_actions') {
    const action = (record.actions as Array<{ action_id?: string; action_ts?: string }> | undefined)?.[0];
    const id = typeof record.trigger_id === 'string' ? record.trigger_id : action?.action_ts;
    if (id) return `action:${action?.action_id ?? ''}:${id}`;
  }
  return undefined;
}

/**
 * Nothing lost, nothing twice. Every delivery from Slack is written to the inbox before Bolt acknowledges
 * it (its listeners start meanwhile: see {@link DurableDelivery.kept}); a delivery whose key was seen
 * before is acknowledged and dropped (counted as deduplicated), and each is marked handled once its
 * listeners finish. While Slack is unreachable, deliveries are acknowledged and kept. Deliveries left
 * unanswered (a crash, an outage, a replica that died) are handled again from the inbox at startup and
 * every few seconds, or dropped with a log line when older than ten minutes; replayed answers look in
 * Slack before posting, so an answer that made it is not posted twice.
 */
export class DurableDelivery {
  private readonly nowMs: () => number;
  private dispatch?: (event: ReceiverEvent) => Promise<void>;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private inFlight = 0;
  /** Deliveries whose write to the inbox has not finished (never rejecting: a failure is logged). */
  private readonly beingKept = new Set<Promise<void>>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: DurableDeliveryOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** Puts the inbox in front of the app's event processing. */
  install(app: App): void {
    const dispatch = app.processEvent.bind(app);
    this.dispatch = dispatch;
    app.processEvent = (event) => this.receive(event, dispatch);
  }

  /** Starts sweeping the inbox for unanswered deliveries; the first sweep runs now. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
    void this.sweep();
  }

  /** Stops sweeping; deliveries being handled finish. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves once no delivery is in hand: being kept in the inbox, or handled. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Handles the unanswered deliveries in the inbox now (also done every few seconds once started). */
  sweep(): Promise<void> {
    if (!this.sweeping) {
      this.sweeping = this.replay().finally(() => {
        this.sweeping = undefined;
      });
    }
    return this.sweeping;
  }

  private async receive(
    event: ReceiverEvent,
    dispatch: (event: ReceiverEvent) => Promise<void>,
  ): Promise<void> {
    const key = deliveryKey(event.body);
    if (!key) return dispatch(event);
    // Counted from its arrival: a delivery being written to the inbox is in hand too.
    return this.counted(() => this.keep(key, event, dispatch));
  }

  private async keep(
    key: string,
    event: ReceiverEvent,
    dispatch: (event: ReceiverEvent) => Promise<void>,
  ): Promise<void> {
    const { inbox, logger, metrics } = this.options;
    const ack = this.lateAckTolerated(key, event.ack);
    const unkept = (error: unknown) =>
      logger.error(`inbox: could not keep ${key}; handling it without a safety net`, error);
    let fresh = true;
    let kept = Promise.resolve();
    try {
      const admission = await inbox.admit({ key, body: event.body, receivedAt: this.nowMs() });
      fresh = admission.fresh;
      kept = admission.kept;
    } catch (error) {
      unkept(error);
    }
    if (!fresh) {
      metrics?.deduplicated.inc();
      logger.debug(`Already received ${key}; acknowledged and not handled again`);
      // Slack repeats a delivery it is still waiting for (a slow disk): acknowledged once the first is kept.
      await kept.catch(() => undefined);
      await ack();
      return;
    }
    kept = this.keeping(kept.catch(unkept));
    if (!this.options.slackReachable()) {
      await kept;
      await ack();
      await inbox.release(key).catch(() => undefined);
      logger.info(`Slack is unreachable; ${key} is kept and will be answered when it is back`);
      return;
    }
    // The listeners start answering while the delivery is being written; its acknowledgement waits for
    // the write, as does every Slack call that posts (see kept()), so nothing is acknowledged or posted
    // unkept.
    let acknowledged: Promise<void> | undefined;
    const ackOnceKept: ReceiverEvent['ack'] = async (response) => {
      // A second call goes through too, and fails as Bolt makes it fail: acknowledging twice is a fault.
      acknowledged = (acknowledged ?? kept).then(() => ack(response));
    };
    try {
      await this.handle(key, { ...event, ack: ackOnceKept }, false, dispatch);
    } finally {
      await acknowledged;
    }
  }

  /**
   * Resolves once every delivery received so far is kept in the inbox. Slack calls other than reads wait
   * for it (the app's fetch does), so an answer is never posted for a delivery a crash could still lose,
   * which Slack would then send again and have answered twice.
   */
  kept(): Promise<void> {
    if (this.beingKept.size === 0) return Promise.resolve();
    return Promise.all(this.beingKept).then(() => undefined);
  }

  /** Counts `write` among the deliveries being kept ({@link DurableDelivery.kept}) until it settles. */
  private keeping(write: Promise<void>): Promise<void> {
    this.beingKept.add(write);
    void write.finally(() => this.beingKept.delete(write));
    return write;
  }

  private async handle(
    key: string,
    event: ReceiverEvent,
    replayed: boolean,
    dispatch: (event: ReceiverEvent) => Promise<void>,
  ): Promise<void> {
    try {
      const context: DeliveryContext = { deliveryKey: key, replayed };
      await dispatch({ ...event, customProperties: { ...event.customProperties, ...context } });
    } finally {
      await this.options.inbox
        .complete(key)
        .catch((error: unknown) => this.options.logger.error(`inbox: could not mark ${key} handled`, error));
    }
  }

  /** Runs `work` counted among the deliveries in hand ({@link DurableDelivery.whenIdle}). */
  private async counted(work: () => Promise<void>): Promise<void> {
    this.inFlight++;
    try {
      await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /**
   * `ack`, except that an acknowledgement the receiver can no longer send (it answered the request when
   * Slack's wait ran out) is logged instead of failing the listeners: a delivery received is kept, so it
   * is still answered, and Slack's repeat of it is dropped as already received.
   */
  private lateAckTolerated(key: string, ack: ReceiverEvent['ack']): ReceiverEvent['ack'] {
    return async (response) => {
      try {
        await ack(response);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_HTTP_HEADERS_SENT') throw error;
        this.options.logger.warn(
          `${key} was acknowledged after Slack had stopped waiting (its request was answered already); handled all the same`,
        );
      }
    };
  }

  private async replay(): Promise<void> {
    const dispatch = this.dispatch;
    if (!dispatch || !this.options.slackReachable()) return;
    const { inbox, logger, metrics } = this.options;
    let entries: Awaited<ReturnType<Inbox['claimUnanswered']>>;
    try {
      entries = await inbox.claimUnanswered();
    } catch (error) {
      // The database is away: the store says so once, and this is tried again at the next sweep.
      logger.debug('inbox: could not look for unanswered deliveries', error);
      return;
    }
    const queue = [...entries];
    const worker = async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const ageMs = this.nowMs() - entry.receivedAt;
        if (ageMs > REPLAY_MAX_AGE_MS) {
          metrics?.dropped.inc();
          logger.warn(
            `inbox: dropped ${entry.key}, received ${new Date(entry.receivedAt).toISOString()}: unanswered for more than 10 minutes, too late to answer`,
          );
          await inbox.complete(entry.key).catch(() => undefined);
          continue;
        }
        metrics?.replayed.inc();
        logger.info(
          `inbox: answering ${entry.key}, received ${Math.round(ageMs / 1000)} s ago and left unanswered`,
        );
        await this.counted(() =>
          this.handle(
            entry.key,
            { body: entry.body as ReceiverEvent['body'], ack: async () => {} },
            true,
            dispatch,
          ),
        );
      }
    };
    await Promise.all(Array.from({ length: REPLAY_CONCURRENCY }, worker));
  }
}
