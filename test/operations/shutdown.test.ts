import { stopWithin } from '../../src/operations/shutdown';
import { recordingLogger } from '../logging/recording-logger';

describe('stopping within a bound', () => {
  afterEach(() => jest.useRealTimers());

  it('runs every step in order, and the next after one that fails, logging the failure', async () => {
    const logger = recordingLogger();
    const ran: string[] = [];
    await stopWithin(
      5000,
      [
        async () => {
          ran.push('stop taking requests');
        },
        async () => {
          ran.push('flush the store');
          throw new Error('disk full');
        },
        async () => {
          ran.push('close the store');
        },
      ],
      logger,
    );
    expect(ran).toEqual(['stop taking requests', 'flush the store', 'close the store']);
    expect(logger.text()).toContain('Stopping cleanly failed disk full');
    expect(logger.text()).not.toContain('still running');
  });

  it('leaves a stuck step at the bound with a warning, and still gives the next a second', async () => {
    jest.useFakeTimers();
    const logger = recordingLogger();
    let closedAt: number | undefined;
    const started = Date.now();
    const stopping = stopWithin(
      3000,
      [
        () => new Promise<void>(() => {}),
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              closedAt = Date.now() - started;
              resolve();
            }, 900),
          ),
      ],
      logger,
    );
    let stopped = false;
    void stopping.then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(2999);
    expect(logger.text()).not.toContain('still running');
    await jest.advanceTimersByTimeAsync(1);
    expect(logger.text()).toContain('Shutdown step still running after 3000 ms');
    // The bound is spent, but the store still gets up to a second to close.
    await jest.advanceTimersByTimeAsync(900);
    expect(closedAt).toBe(3900);
    expect(stopped).toBe(true);
    expect(logger.lines.filter((line) => line.includes('still running'))).toHaveLength(1);
  });

  it('gives a step after the bound a second, not the whole bound again', async () => {
    jest.useFakeTimers();
    const logger = recordingLogger();
    let stopped = false;
    void stopWithin(
      3000,
      [() => new Promise<void>(() => {}), () => new Promise<void>((resolve) => setTimeout(resolve, 1500))],
      logger,
    ).then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(4000);
    expect(stopped).toBe(true);
    expect(logger.lines.filter((line) => line.includes('still running'))).toHaveLength(2);
  });

  it('does not wait out the bound when the steps finish early', async () => {
    jest.useFakeTimers();
    let stopped = false;
    void stopWithin(60_000, [async () => {}], recordingLogger()).then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});
