/**
 * Polls `check` every `intervalMs` until it holds or `timeoutMs` passes; resolves with whether it held.
 * Tests then assert the state itself, so a failure shows what was missing.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
