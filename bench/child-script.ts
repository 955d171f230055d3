import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * Runs a bench script in a fresh Node process (through tsx, from the repository root) with one
 * argument, stderr passed through; resolves with the last line it prints to stdout.
 */
export function runChildScript(script: string, argument: string, nodeFlags: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, argument], {
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
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      resolve(output.trim().split('\n').pop() ?? '');
    });
  });
}
