import { setImmediate } from 'node:timers/promises';
import { corpusFingerprint } from '../corpus/corpus-fingerprint';
import { type CorpusWatcher, type CorpusWatcherOptions, watchCorpus } from '../corpus/corpus-watcher';
import type { ReadingOptions } from '../corpus/readers/types';
import { type Logger, silentLogger } from '../logging/logger';
import { collectAfterLoading } from '../search/heap-growth';
import { rebuildOnThread } from '../search/index-build-thread';
import { loadLastSnapshot, snapshotKey } from '../search/index-snapshot';
import { CorpusEngine, loadEngine } from './engine';
import type { Answer, AnswerEngine, AnswerOptions, DocumentSummary } from './types';
import { askWhileIdle, WARM_UP_DELAY_MS, warmUpQuestions } from './warm-up';

type LoadEngineOptions = NonNullable<Parameters<typeof loadEngine>[1]>;

/** Options of a {@link LiveEngine}. */
export interface LiveEngineOptions {
  /** Builds a fresh engine from the corpus as it is now (by default `loadEngine(corpusDir)`). */
  rebuild: () => Promise<AnswerEngine>;
  logger?: Logger;
}

/**
 * The engine the bot talks to while the corpus changes under it. It answers from the current
 * {@link AnswerEngine}; on {@link LiveEngine.reload} a new one is built beside it and swapped in whole once
 * ready, so a question is always answered by one complete index, the old one during a rebuild.
 *
 * A broken file is skipped with a warning by the loader; a rebuild that fails as a whole (the folder
 * vanished) is logged and the previous index stays. Changes arriving during a rebuild are gathered into one
 * more rebuild after it.
 */
export class LiveEngine implements AnswerEngine {
  private current: AnswerEngine;
  private readonly rebuild: () => Promise<AnswerEngine>;
  private readonly logger: Logger;
  private rebuilding?: Promise<boolean>;
  private changedDuringRebuild = false;
  private watcher?: CorpusWatcher;
  private checked: Promise<void> = Promise.resolve();
  private snapshotSaved: Promise<void> = Promise.resolve();
  /** Questions asked of this engine by people (a warm-up's own are not). */
  private questionsAsked = 0;
  private closed = false;

  constructor(initial: AnswerEngine, options: LiveEngineOptions) {
    this.current = initial;
    this.rebuild = options.rebuild;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Loads `corpusDir` and keeps it current: changes to it are picked up within about a second
   * (`watch.debounceMs`, default 500 ms, plus the rebuild), and any an event missed by the re-scan every
   * `watch.rescanMs` (default 5 minutes); see {@link watchCorpus} for the file-system trouble it rides
   * out. Other options go to `loadEngine` for the first load and every rebuild; with `snapshotDir`, a
   * rebuild runs on a thread of its own and the snapshot it saves is loaded here ({@link rebuildOnThread}). Call
   * {@link LiveEngine.close} on shutdown.
   *
   * With `fromLastSnapshot` (and `snapshotDir`), the newest snapshot of the corpus is loaded as it is, so
   * answering starts without looking at the corpus first; the corpus is then compared with it (one `stat`
   * per file) and, if it changed meanwhile, rebuilt while the snapshot answers, as after any change.
   * Without a usable snapshot, the corpus is loaded as usual, and the engine returned before the new
   * snapshot is written ({@link LiveEngine.untilSaved}): once `saveSnapshotWhen` resolves (default: at
   * once). A bot passes its listening: the write takes the main thread by turns, and at 100k passages
   * held back the bot's first start by a quarter of a second.
   */
  static async open(
    corpusDir: string,
    options: LoadEngineOptions & {
      watch?: CorpusWatcherOptions | false;
      fromLastSnapshot?: boolean;
      saveSnapshotWhen?: PromiseLike<unknown>;
    } = {},
  ): Promise<LiveEngine> {
    const { watch, fromLastSnapshot, saveSnapshotWhen = Promise.resolve(), ...load } = options;
    const last =
      fromLastSnapshot && load.snapshotDir
        ? await loadLastSnapshot(corpusDir, {
            snapshotDir: load.snapshotDir,
            logger: load.logger,
            reading: load.reading,
          })
        : undefined;
    // With snapshots, one look at the corpus serves the snapshot lookup, the check of the last snapshot
    // and the watch; without, only the watch takes one.
    const fingerprint = load.snapshotDir ? corpusFingerprint(corpusDir).catch(() => undefined) : undefined;
    let saving: Promise<void> | undefined;
    const savingSnapshot = fromLastSnapshot
      ? { when: saveSnapshotWhen, saving: (saved: Promise<void>) => (saving = saved) }
      : undefined;
    const first = last
      ? new CorpusEngine(last.index)
      : await loadEngine(corpusDir, { ...load, fingerprint: await fingerprint, savingSnapshot });
    const { snapshotDir } = load;
    const engine = new LiveEngine(first, {
      rebuild: snapshotDir
        ? async () => {
            const { logger, reading } = load;
            return new CorpusEngine(
              (await rebuildOnThread(corpusDir, { snapshotDir, logger, reading })).index,
            );
          }
        : () => loadEngine(corpusDir, load),
      logger: load.logger,
    });
    if (saving) engine.snapshotSaved = saving;
    if (last && fingerprint) {
      engine.checked = engine.reloadIfChanged(corpusDir, last.key, fingerprint, load.reading);
    }
    if (watch !== false) engine.watch(corpusDir, { initialFingerprint: fingerprint, ...watch });
    return engine;
  }

  /** Rebuilds if the corpus's state (`fingerprint`) is no longer the one `key` was saved for. */
  private async reloadIfChanged(
    corpusDir: string,
    key: string,
    fingerprint: Promise<string | undefined>,
    reading: ReadingOptions | undefined,
  ): Promise<void> {
    const now = await fingerprint;
    if (now === undefined || snapshotKey(now, reading) === key) return;
    this.logger.info(
      `corpus: ${corpusDir} changed since the last snapshot was saved; answering from the snapshot while it is rebuilt`,
    );
    await this.reload();
  }

  /**
   * Resolves once the snapshot of the index the engine opened with is written, or could not be (then
   * reported): at once unless {@link LiveEngine.open} built it and returned before saving it. Never rejects.
   */
  untilSaved(): Promise<void> {
    return this.snapshotSaved;
  }

  /**
   * Resolves once the engine answers from the corpus as it was when opened: at once, unless it opened
   * from the last snapshot, then after comparing the corpus with it and any rebuild that started.
   */
  untilChecked(): Promise<void> {
    return this.checked;
  }

  answer(question: string, options?: AnswerOptions): Answer {
    this.questionsAsked++;
    return this.current.answer(question, options);
  }

  /**
   * Warms the answering code up with `count` questions made from the corpus (`warm-up.ts`), asked one per
   * turn of the event loop after `delayMs` while nobody has asked anything: the first real question ends
   * it, as do a reload (the new index's answers run the same code) and {@link LiveEngine.close}. Answers
   * are thrown away; a question that fails is logged and ends the warm-up. Resolves with how many were
   * asked; never rejects.
   */
  async warmUp(count?: number, delayMs = WARM_UP_DELAY_MS): Promise<number> {
    const engine = this.current;
    if (!(engine instanceof CorpusEngine)) return 0;
    const started = Date.now();
    let failed = false;
    const asked = await askWhileIdle(
      () => warmUpQuestions(engine.index.documents.values(), count),
      ({ question, history }) => {
        try {
          engine.answer(question, { history });
        } catch (error) {
          failed = true;
          this.logger.warn(`warm-up: answering "${question}" failed:`, error);
        }
      },
      () => failed || this.closed || this.questionsAsked > 0 || this.current !== engine,
      delayMs,
    );
    this.logger.debug(`warm-up: ${asked} questions answered in ${Date.now() - started} ms`);
    return asked;
  }

  documents(): DocumentSummary[] {
    return this.current.documents();
  }

  /** Rebuilds from the corpus and swaps the new engine in. Resolves true when it swapped; never rejects. */
  reload(): Promise<boolean> {
    if (this.rebuilding) {
      this.changedDuringRebuild = true;
      return this.rebuilding;
    }
    this.rebuilding = this.rebuildUntilCurrent().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }

  /** Reloads whenever `corpusDir` changes. */
  watch(corpusDir: string, options: CorpusWatcherOptions = {}): void {
    this.watcher?.close();
    this.watcher = watchCorpus(
      corpusDir,
      (changed) => {
        this.logger.info(
          `corpus: ${changed.length} change(s) in ${corpusDir} (${changed.slice(0, 5).join(', ')}); rebuilding`,
        );
        void this.reload();
      },
      { logger: this.logger, ...options },
    );
  }

  /** Stops watching, and warming up; the current engine keeps answering. */
  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.watcher = undefined;
  }

  private async rebuildUntilCurrent(): Promise<boolean> {
    let swapped = false;
    do {
      this.changedDuringRebuild = false;
      swapped = (await this.rebuildOnce()) || swapped;
    } while (this.changedDuringRebuild);
    return swapped;
  }

  private async rebuildOnce(): Promise<boolean> {
    const started = Date.now();
    try {
      // A rebuild saves a snapshot of its own and removes the others: not while the first is being written.
      await this.snapshotSaved;
      const next = await this.rebuild();
      const previous = this.current;
      this.current = next;
      // Listing 300k passages' documents takes a good half second: Slack's requests waiting meanwhile
      // (the load that came before held them up) are taken in first.
      await setImmediate();
      const before = new Map(previous.documents().map((doc) => [doc.file, doc.contentHash]));
      const after = next.documents();
      // Answering from the new index: what loading it from a snapshot left can go.
      collectAfterLoading();
      const added = after.filter((doc) => !before.has(doc.file)).length;
      const changed = after.filter(
        (doc) => before.has(doc.file) && before.get(doc.file) !== doc.contentHash,
      ).length;
      const removed = before.size - (after.length - added);
      this.logger.info(
        `corpus: reloaded in ${Date.now() - started} ms: ${after.length} documents (${added} new, ${changed} changed, ${removed} removed)`,
      );
      return true;
    } catch (error) {
      this.logger.error(
        `corpus: reload failed; still answering from the previous index (${this.current.documents().length} documents):`,
        error,
      );
      return false;
    }
  }
}
