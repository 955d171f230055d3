import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');

/** Runs `npm start`'s command (`scripts/start.js`: coop bundled, then run) with only `env` set, in an empty folder (no .env). */
async function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'coop-start-'));
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.js')], {
        cwd,
        env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end();
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

describe('startup', () => {
  it('stops before starting anything when a bot token comes without its signing secret', async () => {
    const token = 'xoxb-1111-2222-abcdefghijkl';
    const { code, stdout, stderr } = await start({ SLACK_BOT_TOKEN: token });
    expect(code).toBe(1);
    expect(stderr).toMatch(/coop cannot start/);
    expect(stderr).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(stdout).toBe('');
    expect(stderr + stdout).not.toContain(token);
  });
});
