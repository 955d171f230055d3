import path from 'node:path';
import { type CorpusEngine, loadEngine } from '../../src/answer/engine';
import { firstFile, leadSentence } from './answer-reading';

const seeds = path.resolve(__dirname, '../../seeds');
let engine: CorpusEngine;

beforeAll(async () => {
  engine = await loadEngine(seeds);
});

describe('answers', () => {
  it('leads with the passage that answers and marks the answering sentence', () => {
    // The workshop article is the only one saying where the workshop took place.
    const answer = engine.answer(
      'Where was the first UK-India Defence and Military Technology Cooperation workshop held?',
    );
    expect(answer.answered).toBe(true);
    expect(firstFile(answer)).toMatch(/^000_/);
    expect(leadSentence(answer)).toContain('London');
  });

  it('cites every document that carries a near-identical passage once', () => {
    // Lammy's "growth at the heart of our foreign policy" quote appears in two articles.
    const answer = engine.answer('What did Lammy say about putting growth at the heart of foreign policy?');
    const quoted = answer.passages.find((passage) =>
      passage.sentences.join(' ').includes('heart of our foreign policy'),
    );
    expect(quoted?.citations.map((citation) => citation.file).sort()).toEqual([
      '001_946320e299d5aa88.txt',
      '002_328125ae0df417ed.txt',
    ]);
    const copies = answer.passages.filter((passage) =>
      passage.sentences.join(' ').includes('heart of our foreign policy'),
    );
    expect(copies).toHaveLength(1);
  });

  it('shows at most three passages, each with file, title and date when known', () => {
    const answer = engine.answer('defence cooperation between the US and India');
    expect(answer.passages.length).toBeGreaterThan(0);
    expect(answer.passages.length).toBeLessThanOrEqual(3);
    const roadmap = answer.passages
      .flatMap((passage) => passage.citations)
      .find((c) => c.file.startsWith('004_'));
    expect(roadmap).toMatchObject({ date: '2023-06-05' });
    expect(roadmap?.title.length).toBeGreaterThan(10);
  });

  it('understands acronyms learned from the corpus', () => {
    // "Technology Security Initiative (TSI)" in the corpus teaches that TSI is that initiative.
    const answer = engine.answer('what sectors does TSI cover');
    expect(answer.answered).toBe(true);
    expect(answer.passages.map((passage) => passage.sentences.join(' ')).join(' ')).toMatch(
      /critical minerals/i,
    );
  });

  it('matches Britain to UK and Bharat to India', () => {
    const answer = engine.answer('Who is the Indian High Commissioner to Britain?');
    expect(leadSentence(answer)).toContain('Vikram Doraiswami');
  });

  it('corrects typos against the corpus vocabulary', () => {
    const answer = engine.answer('what did the semicondutor partnership include?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0].sentences.join(' ')).toMatch(/semiconductor/i);
  });
});

describe('no answer', () => {
  it.each([
    'What is the capital of France?',
    'Who won the football world cup?',
    'What is the GDP of Japan?',
    'What did Lammy say about Pakistan?',
  ])('says the corpus does not answer "%s" and cites nothing', (question) => {
    const answer = engine.answer(question);
    expect(answer.answered).toBe(false);
    expect(answer.passages).toEqual([]);
  });

  it('answers nothing for a question with no meaningful words', () => {
    expect(engine.answer('what is it?').answered).toBe(false);
  });
});

describe('follow-ups', () => {
  it('reads "it" in the light of the earlier question', () => {
    const history = ['What is the US-India defence industrial cooperation roadmap?'];
    const answer = engine.answer('Which areas will it fast-track?', { history });
    expect(firstFile(answer)).toMatch(/^004_/);
    expect(answer.passages[0].sentences.join(' ')).toMatch(/air combat/);
  });

  it('answers the same follow-up differently in different conversations', () => {
    // "it" is INDUS-X in one conversation and the Technology Security Initiative in the other.
    const indus = engine.answer('When was it launched?', { history: ['What is INDUS-X?'] });
    expect(firstFile(indus)).toMatch(/^004_/);
    expect(indus.passages[0].sentences.join(' ')).toMatch(/2021/);
    const tsi = engine.answer('Who spearheaded it?', {
      history: ['What is the Technology Security Initiative?'],
    });
    expect(firstFile(tsi)).toMatch(/^00[123]_/);
    expect(tsi.passages[0].sentences.join(' ')).toMatch(/NSAs|National Security Advis/);
  });

  it('answers a bare "when?" as the earlier question asked again', () => {
    const answer = engine.answer('when?', { history: ['What is INDUS-X?'] });
    expect(answer.answered).toBe(true);
    expect(leadSentence(answer)).toMatch(/June of 2021/);
  });

  it('does not drag a new subject back to the old one', () => {
    const answer = engine.answer('What is INDUS-X?', { history: ['Who did Lammy meet in Delhi?'] });
    expect(firstFile(answer)).toMatch(/^004_/);
    expect(leadSentence(answer)).toContain('Defence Acceleration Ecosystem');
  });
});
