import type { Logger } from '../../src/logging/logger';

/** A logger keeping every line (any level) in `lines`, errors by their message, for assertions. */
export function recordingLogger(): Logger & { lines: string[]; text(): string } {
  const lines: string[] = [];
  const push = (...messages: unknown[]) => {
    lines.push(
      messages.map((message) => (message instanceof Error ? message.message : String(message))).join(' '),
    );
  };
  return { lines, text: () => lines.join('\n'), debug: push, info: push, warn: push, error: push };
}
