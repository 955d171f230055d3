import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ask } from '../../src/cli/ask';
import type { CommandOutput } from '../../src/cli/command';
import { evaluate } from '../../src/cli/eval';

const DOCUMENTS: Record<string, string> = {
  'tunnel.txt':
    'New tunnel opens\n\nThe harbour tunnel was opened by Mayor Jane Doe in March 2019 after six years of work. It carries four lanes of traffic under the bay.',
  'bridge.txt':
    'Bridge reopens\n\nThe old river bridge was reopened by the city council after repairs to its deck.',
};

let corpus: string;
beforeAll(() => {
  corpus = mkdtempSync(path.join(os.tmpdir(), 'coop-cli-'));
  for (const [file, text] of Object.entries(DOCUMENTS)) writeFileSync(path.join(corpus, file), text);
});
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

/** An output that keeps what a command prints, and what it says on stderr, apart. */
function capture(): CommandOutput & { printed: string; errors: string } {
  const output = {
    printed: '',
    errors: '',
    print: (text: string) => {
      output.printed += `${text}\n`;
    },
    error: (text: string) => {
      output.errors += `${text}\n`;
    },
  };
  return output;
}

describe('npm run ask', () => {
  it('prints its usage and exits 2 when given no question', async () => {
    const output = capture();
    expect(await ask(['  ', '--explain'], corpus, output)).toBe(2);
    expect(output.errors).toContain('usage: npm run ask -- "who launched TSI"');
    expect(output.printed).toBe('');
  });

  it('answers one question with its citation, and no question header', async () => {
    const output = capture();
    expect(await ask(['Who opened the harbour tunnel?'], corpus, output)).toBe(0);
    expect(output.printed).toMatch(/^\*\*The harbour tunnel was opened by Mayor Jane Doe/);
    expect(output.printed).toContain('tunnel.txt');
    expect(output.printed).not.toContain('> ');
    // The engine's reasoning only with --explain
    expect(output.printed).not.toContain('answered=');
  });

  it('answers later arguments as follow-ups in one conversation, each under its question', async () => {
    const output = capture();
    expect(await ask(['Who opened the harbour tunnel?', 'and when?'], corpus, output)).toBe(0);
    const [, first, second] = output.printed.split(/^> /m);
    expect(first).toMatch(/^Who opened the harbour tunnel\?\n\*\*The harbour tunnel was opened/);
    // Asked alone, "and when?" says nothing; after the first question it is about the tunnel.
    expect(second).toMatch(/^and when\?\n.*March 2019/);
  });

  it('explains how it read the question with --explain', async () => {
    const output = capture();
    await ask(['Who reopened the bridge?', '--explain'], corpus, output);
    expect(output.printed).toContain('The old river bridge was reopened');
    expect(output.printed).toMatch(/answered=true \(coverage needed 0\.5\)/);
    expect(output.printed).toMatch(/bridge w=1 idf=/);
  });
});

describe('npm run eval', () => {
  let evalDir: string;
  beforeAll(() => {
    evalDir = mkdtempSync(path.join(os.tmpdir(), 'coop-cli-eval-'));
  });
  afterAll(() => rmSync(evalDir, { recursive: true, force: true }));

  function evalFile(name: string, conversations: object[]): string {
    const file = path.join(evalDir, name);
    writeFileSync(file, conversations.map((conversation) => JSON.stringify(conversation)).join('\n\n'));
    return file;
  }

  const passing = {
    id: 'tunnel',
    turns: [
      { q: 'Who opened the harbour tunnel?', sources: ['tunnel.txt'], answers: ['Jane Doe'] },
      { q: 'and when?', answers: ['2019'] },
    ],
  };
  const failing = { id: 'ferry', turns: [{ q: 'Who opened the bridge?', sources: ['tunnel.txt'] }] };

  it('prints only the tally and exits 0 when every turn passes', async () => {
    const output = capture();
    expect(await evaluate([evalFile('pass.jsonl', [passing]), '--corpus', corpus], undefined, output)).toBe(
      0,
    );
    expect(output.printed).toBe('eval: 2 passed, 0 failed\n');
  });

  it('prints each miss with its reason and the reply, and exits 1', async () => {
    const output = capture();
    const file = evalFile('mixed.jsonl', [passing, failing]);
    expect(await evaluate([file], corpus, output)).toBe(1);
    expect(output.printed).toContain('MISS ferry#1 Who opened the bridge?');
    expect(output.printed).toContain('  first source bridge.txt is not one of tunnel.txt');
    expect(output.printed).toMatch(/^ {4}\*\*The old river bridge was reopened/m);
    expect(output.printed).not.toContain('tunnel#');
    expect(output.printed).toContain('eval: 2 passed, 1 failed');
  });

  it('prints passing turns too with --verbose', async () => {
    const output = capture();
    await evaluate(['--verbose', evalFile('verbose.jsonl', [passing])], corpus, output);
    expect(output.printed).toContain('pass tunnel#1 Who opened the harbour tunnel?');
    expect(output.printed).toContain('pass tunnel#2 and when?');
    // A passing turn has no reason to give.
    expect(output.printed).not.toContain('undefined');
  });

  it('names the files it looked for when the eval file is missing', async () => {
    await expect(evaluate(['--fixture', 'no-such-eval'], corpus, capture())).rejects.toThrow(
      /no eval file found \(looked for .*no-such-eval\.jsonl/,
    );
  });

  it('runs a fixture on the corpus it builds, and removes that corpus afterwards', async () => {
    // A temporary folder of this test's own: other test files build the same fixture at the same time.
    const parent = process.env.TMPDIR;
    const own = mkdtempSync(path.join(os.tmpdir(), 'coop-cli-eval-'));
    process.env.TMPDIR = own;
    try {
      const output = capture();
      expect(await evaluate(['--fixture', 'mixed'], undefined, output)).toBe(0);
      expect(output.printed).toMatch(/^eval: \d+ passed, 0 failed\n$/);
      expect(readdirSync(own)).toEqual([]);
    } finally {
      if (parent === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = parent;
      rmSync(own, { recursive: true, force: true });
    }
  });
});
