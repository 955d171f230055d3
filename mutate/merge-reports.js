#!/usr/bin/env node
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/**
 * Merges the incremental files of chunked mutation runs into one, and prints the score by folder.
 *
 * Stryker writes its incremental file only when a run ends, and a file left out of `--mutate` drops out
 * of it, so `src/` is measured in chunks (a folder or a few files each), each with its own
 * `--incrementalFile reports/chunks/<name>.json`. This script:
 * - reads every `reports/chunks/*.json`, in name order; a source file measured by several chunks is
 *   taken from the chunk run last (by the file's modification time);
 * - gives every test one id across chunks (the chunks number their tests independently), keyed by its
 *   test file and name, so the merged file is a valid incremental file for a run over all of `src/`;
 * - writes `reports/stryker-incremental.json`;
 * - prints a Markdown table of the score by folder (killed and timed out over killed, timed out,
 *   survived and no coverage), with the files measured, and the overall score.
 *
 * Usage: `node mutate/merge-reports.js [--files]` (`--files` adds a row per source file).
 */

const root = path.join(__dirname, '..');
const chunkDir = path.join(root, 'reports', 'chunks');
const outFile = path.join(root, 'reports', 'stryker-incremental.json');

/** Statuses counted, as Stryker's own score over covered and uncovered mutants. */
const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

/** Reads the chunks, oldest run first, so a later run of the same source file wins. */
function readChunks() {
  return readdirSync(chunkDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const file = path.join(chunkDir, name);
      return { name, mtime: statSync(file).mtimeMs, report: JSON.parse(readFileSync(file, 'utf8')) };
    })
    .sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
}

/** Merges the chunks' reports into one report with globally unique test ids. */
function merge(chunks) {
  const files = {};
  const testFiles = {};
  const idsByKey = new Map();
  const chunkOf = {};
  let last;
  for (const { name, report } of chunks) {
    last = report;
    const idMap = new Map();
    for (const [testFile, entry] of Object.entries(report.testFiles ?? {})) {
      const merged = testFiles[testFile] ?? { tests: [], source: entry.source };
      merged.source = entry.source;
      for (const test of entry.tests) {
        const key = `${testFile}\u0000${test.name}`;
        let id = idsByKey.get(key);
        if (id === undefined) {
          id = String(idsByKey.size);
          idsByKey.set(key, id);
          merged.tests.push({ ...test, id });
        } else {
          const index = merged.tests.findIndex((known) => known.id === id);
          merged.tests[index] = { ...test, id };
        }
        idMap.set(test.id, id);
      }
      testFiles[testFile] = merged;
    }
    const remap = (ids) => ids?.map((id) => idMap.get(id) ?? id);
    for (const [sourceFile, entry] of Object.entries(report.files)) {
      if (chunkOf[sourceFile])
        console.warn(`${sourceFile}: measured by ${chunkOf[sourceFile]} and ${name}; ${name} is kept`);
      chunkOf[sourceFile] = name;
      files[sourceFile] = {
        ...entry,
        mutants: entry.mutants.map((mutant) => ({
          ...mutant,
          coveredBy: remap(mutant.coveredBy),
          killedBy: remap(mutant.killedBy),
        })),
      };
    }
  }
  const sorted = Object.fromEntries(
    Object.keys(files)
      .sort()
      .map((file) => [file, files[file]]),
  );
  return { ...last, files: sorted, testFiles };
}

/** Counts a file's mutants by status. */
function count(mutants) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
  for (const { status } of mutants) {
    if (status === 'Killed') counts.killed++;
    else if (status === 'Timeout') counts.timeout++;
    else if (status === 'Survived') counts.survived++;
    else if (status === 'NoCoverage') counts.noCoverage++;
    else counts.other++;
  }
  return counts;
}

function add(total, counts) {
  for (const key of Object.keys(counts)) total[key] = (total[key] ?? 0) + counts[key];
  return total;
}

function score({ killed, timeout, survived, noCoverage }) {
  const all = killed + timeout + survived + noCoverage;
  return all === 0 ? 'n/a' : `${((100 * (killed + timeout)) / all).toFixed(1)}%`;
}

/** The source file's folder under src/ (`src/slack/blocks/x.ts` is in `src/slack`). */
function folderOf(file) {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

function row(name, files, counts) {
  const ran = counts.killed + counts.timeout + counts.survived + counts.noCoverage;
  const killed =
    counts.timeout > 0 ? `${counts.killed + counts.timeout} (${counts.timeout} by timeout)` : counts.killed;
  return `| ${name} | ${files} | ${ran} | ${killed} | ${counts.survived} | ${counts.noCoverage} | ${score(counts)} |`;
}

function table(report, perFile) {
  const byFolder = new Map();
  const lines = [
    '| folder | files measured | mutants | killed | survived | no coverage | score |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  const total = {};
  const fileRows = [];
  for (const [file, entry] of Object.entries(report.files)) {
    const counts = count(
      entry.mutants.filter((mutant) => detected.has(mutant.status) || undetected.has(mutant.status)),
    );
    if (counts.killed + counts.timeout + counts.survived + counts.noCoverage === 0) continue;
    const folder = folderOf(file);
    const known = byFolder.get(folder) ?? { files: [], counts: {} };
    known.files.push(file.slice(folder.length + 1));
    add(known.counts, counts);
    byFolder.set(folder, known);
    add(total, counts);
    fileRows.push(row(`\`${file}\``, '', counts));
  }
  for (const [folder, { files, counts }] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      row(`\`${folder}\``, `${files.length}: ${files.map((file) => `\`${file}\``).join(', ')}`, counts),
    );
  }
  lines.push(row('**all measured**', `${fileRows.length} files`, total));
  if (perFile) lines.push('', ...fileRows);
  return lines.join('\n');
}

const report = merge(readChunks());
writeFileSync(outFile, `${JSON.stringify(report)}\n`);
console.log(table(report, process.argv.includes('--files')));
