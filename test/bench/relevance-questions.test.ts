import { citedDocuments } from '../../bench/relevance-engines';
import {
  knownItemQuestions,
  OFF_TOPIC_QUESTIONS,
  TOPIC_MIN_ARTICLES,
  topicQuestions,
  typedHeadline,
} from '../../bench/relevance-questions';
import { type NewsArticle, reutersNews } from '../../bench/reuters-corpus';
import type { Answer, AnswerPassage } from '../../src/answer/types';

let articles: NewsArticle[];

beforeAll(async () => {
  articles = await reutersNews();
});

describe('topic questions', () => {
  it('ask about every Reuters topic held by 20 or more articles in at least three phrasings', () => {
    const held = new Map<string, number>();
    for (const article of articles)
      for (const topic of article.topics) held.set(topic, (held.get(topic) ?? 0) + 1);
    const asked = topicQuestions(articles);
    for (const [topic, count] of held) {
      const phrasings = new Set(asked.filter((q) => q.about === topic).map((q) => q.question));
      expect({ topic, asked: phrasings.size >= 3 }).toEqual({ topic, asked: count >= TOPIC_MIN_ARTICLES });
    }
  });

  it('use readable names, never the Reuters code, and judge by the label', () => {
    const moneyFx = topicQuestions(articles).filter((q) => q.about === 'money-fx');
    expect(moneyFx.some((q) => q.question.includes('money-fx'))).toBe(false);
    const labelled = articles.filter((article) => article.topics.includes('money-fx'));
    expect(moneyFx[0].relevant.size).toBe(labelled.length);
  });

  it('are the same on every run', () => {
    expect(topicQuestions(articles).map((q) => q.question)).toEqual(
      topicQuestions(articles).map((q) => q.question),
    );
  });
});

describe('known-item questions', () => {
  it('ask 500 distinct headlines as typed, each relevant to its own article only', () => {
    const questions = knownItemQuestions(articles, 500);
    expect(new Set(questions.map((q) => q.about)).size).toBe(500);
    const byName = new Map(articles.map((article) => [article.name, article]));
    for (const question of questions) {
      expect([...question.relevant]).toEqual([question.about]);
      expect(question.question).toContain(typedHeadline(byName.get(question.about)?.headline ?? ''));
      expect(question.question).toBe(question.question.toLowerCase());
    }
  });

  it('type a headline as a user would: lowercase, without the ticker', () => {
    expect(typedHeadline('DU PONT <DD> 1ST QTR NET')).toBe('du pont 1st qtr net');
  });
});

it('has about thirty off-topic questions', () => {
  expect(OFF_TOPIC_QUESTIONS.length).toBeGreaterThanOrEqual(30);
});

describe('citedDocuments', () => {
  const passage = (files: string[]): AnswerPassage => ({
    id: `${files[0]}#0`,
    sentences: ['A sentence.'],
    answerSentence: 0,
    citations: files.map((file) => ({ file, title: file })),
    score: 1,
  });
  const answer = (answered: boolean, shown: string[][], more: string[][]): Answer => ({
    question: 'q',
    searchedTerms: [],
    answered,
    passages: shown.map(passage),
    morePassages: more.map(passage),
  });

  it('ranks the cited files once each, shown passages before "More results"', () => {
    const ranking = citedDocuments(answer(true, [['a', 'b'], ['a']], [['c'], ['b', 'd']]));
    expect(ranking).toEqual({ ids: ['a', 'b', 'c', 'd'], answered: true, shown: 2 });
  });

  it('ranks nothing when coop does not answer', () => {
    expect(citedDocuments(answer(false, [], [['c']])).ids).toEqual([]);
  });
});
