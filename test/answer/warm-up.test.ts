import path from 'node:path';
import { STOPWORDS } from '../../src/analysis/stopwords';
import { CorpusEngine, loadEngine } from '../../src/answer/engine';
import { LiveEngine } from '../../src/answer/live-engine';
import type { Answer, AnswerEngine } from '../../src/answer/types';
import * as warmUp from '../../src/answer/warm-up';
import { warmUpQuestions } from '../../src/answer/warm-up';
import type { CorpusDocument } from '../../src/corpus/types';
import { recordingLogger } from '../logging/recording-logger';

const seeds = path.resolve(__dirname, '../../seeds');

let engine: CorpusEngine;
beforeAll(async () => {
  engine = await loadEngine(seeds);
});

function document(file: string, sentences: string[][]): CorpusDocument {
  return {
    file,
    title: file,
    passages: sentences.map((passage, position) => ({
      id: `${file}#${position}`,
      file,
      position,
      sentences: passage,
    })),
    size: 0,
    mtimeMs: 0,
    contentHash: file,
  };
}

/** A live engine over the seeds, not watching, and the questions its engine was asked, in order. */
function liveSeeds(logger = recordingLogger()) {
  const asked: string[] = [];
  const answer = engine.answer.bind(engine);
  const spy = jest.spyOn(engine, 'answer').mockImplementation((question, options) => {
    asked.push(question);
    return answer(question, options);
  });
  return { live: new LiveEngine(engine, { rebuild: async () => engine, logger }), asked, spy, logger };
}

afterEach(() => jest.restoreAllMocks());

describe('warm-up questions', () => {
  it('are made from the corpus, the same each time, in the kinds people ask', () => {
    const questions = warmUpQuestions(engine.index.documents.values(), 40);
    expect(questions).toHaveLength(40);
    expect(warmUpQuestions(engine.index.documents.values(), 40)).toEqual(questions);
    const texts = questions.map((question) => question.question);
    expect(texts.some((text) => text.startsWith('who '))).toBe(true);
    expect(texts.some((text) => text.startsWith('when '))).toBe(true);
    // Follow-ups are asked with the question before them.
    const followUps = questions.filter((question) => question.history.length > 0);
    expect(followUps.length).toBeGreaterThan(5);
    for (const followUp of followUps) {
      const before = questions[questions.indexOf(followUp) - 1];
      expect(followUp.history).toEqual([before.question]);
    }
  });

  it('are made of the words a person would type, a typo now and then, and follow-ups on every third', () => {
    const questions = warmUpQuestions(engine.index.documents.values(), 60);
    const corpusWords = new Set(
      [...engine.index.documents.values()].flatMap((document) =>
        document.passages.flatMap(
          (passage) =>
            passage.sentences
              .join(' ')
              .toLowerCase()
              .match(/[a-z-]+/g) ?? [],
        ),
      ),
    );
    for (const { question } of questions) {
      const words = question.match(/\b[A-Za-z][A-Za-z-]{3,}\b/g) ?? [];
      expect(words.filter((word) => !STOPWORDS.has(word.toLowerCase())).length).toBeGreaterThanOrEqual(1);
    }
    // A typo: a word the corpus lacks, with the letters of one it has, two of them swapped.
    const sorted = (word: string) => [...word].sort().join('');
    const corpusAnagrams = new Set([...corpusWords].map(sorted));
    const typos = questions.flatMap(({ question }) =>
      (question.toLowerCase().match(/[a-z-]{4,}/g) ?? []).filter(
        (word) => !corpusWords.has(word) && corpusAnagrams.has(sorted(word)),
      ),
    );
    expect(typos.length).toBeGreaterThanOrEqual(5);
    // Headline-like questions in capitals are among the kinds.
    expect(questions.some(({ question }) => question === question.toUpperCase())).toBe(true);
    const followUps = questions.filter((question) => question.history.length > 0);
    expect(followUps.length).toBeLessThanOrEqual(Math.ceil(questions.length / 3));
    for (const followUp of followUps)
      expect(followUp.question).toMatch(/^and what about the [A-Za-z-]{4,}\?$/);
  });

  it('are as many as asked for, when the corpus has the words', () => {
    for (let count = 1; count <= 12; count++) {
      expect(warmUpQuestions(engine.index.documents.values(), count)).toHaveLength(count);
    }
  });

  it('leave out the words nobody types: stopwords and short ones', () => {
    const [{ question }] = warmUpQuestions(
      [document('ferry.txt', [['There were about these other ferries which resumed sailing from Dover.']])],
      1,
    );
    expect(question).toBe('what did ferries say about resumed sailing?');
  });

  it('are mostly answered, so they go the whole way through answering', () => {
    const questions = warmUpQuestions(engine.index.documents.values());
    const answered = questions.filter(
      ({ question, history }) => engine.answer(question, { history }).answered,
    );
    expect(answered.length).toBeGreaterThan(questions.length * 0.6);
  });

  it('spread over the corpus rather than dwelling on its first documents', () => {
    // Story i opens with a word naming it: "Porta…", "Portb…", then "Portaa…".
    const name = (i: number) =>
      `Port${i < 26 ? '' : String.fromCharCode(97 + Math.floor(i / 26) - 1)}${String.fromCharCode(97 + (i % 26))}`;
    const documents = Array.from({ length: 50 }, (_, i) =>
      document(`story-${i}.txt`, [[`${name(i)} reopened after storms battered the coastline.`]]),
    );
    const stories = warmUpQuestions(documents, 10)
      .filter((question) => question.history.length === 0)
      .map((question) =>
        documents.findIndex((_, i) => question.question.toLowerCase().includes(`${name(i).toLowerCase()} `)),
      )
      // A question with a typo in its story's name is not told apart.
      .filter((story) => story >= 0);
    expect(stories.length).toBeGreaterThanOrEqual(5);
    expect(new Set(stories).size).toBe(stories.length);
    expect(Math.max(...stories) - Math.min(...stories)).toBeGreaterThan(25);
  });

  it('are fewer, or none, when the corpus has too few words to make them', () => {
    expect(warmUpQuestions([], 10)).toEqual([]);
    expect(warmUpQuestions([document('short.txt', [['Rain today.'], ['Sun tomorrow.']])], 10)).toEqual([]);
  });
});

describe('LiveEngine.warmUp', () => {
  it('asks its questions of the engine, follow-ups with their history, and resolves with how many', async () => {
    const { live, spy } = liveSeeds();
    await expect(live.warmUp(12)).resolves.toBe(12);
    expect(spy.mock.calls.map(([question, options]) => ({ question, history: options?.history }))).toEqual(
      warmUpQuestions(engine.index.documents.values(), 12),
    );
  });

  it('leaves an engine it cannot make questions for alone', async () => {
    const other: AnswerEngine = { answer: jest.fn(), documents: () => [] };
    const live = new LiveEngine(other, { rebuild: async () => other });
    await expect(live.warmUp(12, 0)).resolves.toBe(0);
    expect(other.answer).not.toHaveBeenCalled();
  });

  it('stops at the first question somebody asks, which is answered as usual', async () => {
    const { live, asked } = liveSeeds();
    const warming = live.warmUp(200, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setImmediate(resolve));
    const answer = live.answer('who launched TSI');
    const warmUpAsked = await warming;
    expect(warmUpAsked).toBeGreaterThanOrEqual(1);
    expect(warmUpAsked).toBeLessThan(5);
    expect(answer.answered).toBe(true);
    // Nothing made up was asked after the real question.
    expect(asked[asked.length - 1]).toBe('who launched TSI');
    expect(asked).toHaveLength(warmUpAsked + 1);
  });

  it('waits a moment before starting, so questions queued for a bot just started go first', async () => {
    const { live, asked } = liveSeeds();
    const making = jest.spyOn(warmUp, 'warmUpQuestions');
    const warming = live.warmUp(20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
    live.answer('who launched TSI');
    await expect(warming).resolves.toBe(0);
    expect(asked).toEqual(['who launched TSI']);
    // Nor were its questions made: that goes through every document.
    expect(making).not.toHaveBeenCalled();
  });

  it('stops when the engine is closed, or the corpus reloaded', async () => {
    // The seeds make more questions than this; a warm-up that ran on would ask them all.
    const count = 60;
    expect(warmUpQuestions(engine.index.documents.values(), count)).toHaveLength(count);
    const { live, asked } = liveSeeds();
    const closing = live.warmUp(count, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    live.close();
    const beforeClose = await closing;
    expect(beforeClose).toBeLessThan(count);
    expect(asked).toHaveLength(beforeClose);

    const reloaded = new LiveEngine(engine, { rebuild: async () => new CorpusEngine(engine.index) });
    const reloading = reloaded.warmUp(count, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await reloaded.reload();
    await expect(reloading).resolves.toBeLessThan(count);
  });

  it('does not start once somebody has asked', async () => {
    const { live, asked } = liveSeeds();
    live.answer('who launched TSI');
    await expect(live.warmUp(20)).resolves.toBe(0);
    expect(asked).toEqual(['who launched TSI']);
  });

  it('logs a question that fails and stops, without rejecting', async () => {
    const logger = recordingLogger();
    const { live, spy } = liveSeeds(logger);
    spy.mockImplementation((): Answer => {
      throw new Error('index gone');
    });
    await expect(live.warmUp(20)).resolves.toBe(1);
    expect(logger.text()).toMatch(/warm-up: answering ".+" failed:.*index gone/s);
  });
});
