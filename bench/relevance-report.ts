import { renderBarChart } from './chart';
import type { EngineResult } from './relevance-worker';

/** What `npm run relevance` writes to its JSON file. */
export interface RelevanceReport {
  date: string;
  machine: string;
  dataset: string;
  articles: number;
  questions: EngineResult['questions'];
  /** Engines run at once. */
  jobs: number;
  /** Ranks scored. */
  ranked: number;
  results: EngineResult[];
  /** Wall time of the whole run. */
  totalSeconds: number;
}

/** The table `npm run relevance` prints: one row an engine, Markdown, so it pastes into the README. */
export function relevanceTable(report: RelevanceReport): string {
  const header = [
    'engine',
    'topic P@1',
    'topic P@3',
    'topic nDCG@10',
    'known MRR@10',
    'known S@1',
    'off-topic declined',
    'index CPU s',
    'CPU ms/question',
  ];
  const rows = report.results.map((result) => [
    result.engine,
    fixed(result.topic['P@1']),
    fixed(result.topic['P@3']),
    fixed(result.topic['nDCG@10']),
    fixed(result.knownItem['MRR@10']),
    fixed(result.knownItem['Success@1']),
    `${Math.round(result.offTopicDeclined * 100)}%`,
    result.indexSeconds.toFixed(1),
    result.questionMs.toFixed(1),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const coop = report.results.find((result) => result.engine === 'coop');
  return [
    `Relevance on ${report.articles} Reuters-21578 articles: ${report.questions.topic} topic, ` +
      `${report.questions['known-item']} known-item and ${report.questions['off-topic']} off-topic questions; ${report.machine}`,
    '',
    line(header),
    `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
    '',
    coop?.unanswered === undefined
      ? ''
      : `coop gave no answer to ${Math.round(coop.unanswered * 100)}% of the topic and known-item questions.`,
    `total ${report.totalSeconds.toFixed(0)} s`,
    '',
  ].join('\n');
}

function fixed(value: number): string {
  return value.toFixed(3);
}

const COLORS: Record<string, string> = {
  coop: '#1f6feb',
  minisearch: '#d1242f',
  'minisearch + stopwords': '#9a6700',
  'wink-bm25': '#1a7f37',
  lunr: '#8250df',
};

/** The chart: grouped bars of every engine's score, a panel for each question set. */
export function relevanceChart(report: RelevanceReport): string {
  const bars = (pick: (result: EngineResult) => number) =>
    report.results.map((result) => ({
      label: result.engine,
      color: COLORS[result.engine],
      value: pick(result),
    }));
  return renderBarChart(
    [
      {
        title: 'topic questions',
        groups: ['P@1', 'P@3', 'nDCG@10'].map((metric) => ({
          label: metric,
          bars: bars((result) => result.topic[metric]),
        })),
      },
      {
        title: 'known-item questions',
        groups: ['MRR@10', 'Success@1'].map((metric) => ({
          label: metric,
          bars: bars((result) => result.knownItem[metric]),
        })),
      },
      {
        title: 'off-topic questions',
        groups: [{ label: 'declined', bars: bars((result) => result.offTopicDeclined) }],
      },
    ],
    `Reuters-21578, ${report.articles} articles, labels as judgments; ${report.machine}; npm run relevance`,
  );
}
