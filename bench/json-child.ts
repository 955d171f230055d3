import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * Runs a bench script in a fresh Node process (from the repository root) and resolves with the
 * JSON object its last line of output holds; stderr passes through.
 */
export function runJsonChild(args: string[], name: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench worker ${name} exited with ${code}`));
      resolve(JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, unknown>);
    });
  });
}
