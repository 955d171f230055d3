import { seededRandom } from './questions';
import type { NewsArticle } from './reuters-corpus';

/** A benchmark question and the documents that answer it. */
export interface RelevanceQuestion {
  set: 'topic' | 'known-item' | 'off-topic';
  question: string;
  /** File names of the relevant documents (none for an off-topic question). */
  relevant: Set<string>;
  /** The Reuters TOPICS code asked about, or the file asked for by its headline. */
  about: string;
}

/**
 * What a person calls each Reuters TOPICS code. `market` marks goods with a price ("latest on copper
 * prices"); `also` is a second name people use, asked in one of the phrasings.
 */
interface TopicName {
  name: string;
  also?: string;
  market?: boolean;
}

/** Names for every TOPICS code that labels 20 or more Reuters-21578 articles with a body. */
export const TOPIC_NAMES: Readonly<Record<string, TopicName>> = {
  earn: { name: 'company earnings', also: 'quarterly profits' },
  acq: { name: 'mergers and acquisitions', also: 'takeover bids' },
  'money-fx': { name: 'foreign exchange', also: 'currency markets' },
  grain: { name: 'grain', also: 'grain exports', market: true },
  crude: { name: 'crude oil', also: 'oil', market: true },
  trade: { name: 'trade', also: 'trade disputes' },
  interest: { name: 'interest rates', also: 'rate cuts' },
  ship: { name: 'shipping', also: 'ports and ships' },
  wheat: { name: 'wheat', market: true },
  corn: { name: 'corn', also: 'maize', market: true },
  oilseed: { name: 'oilseeds', market: true },
  sugar: { name: 'sugar', market: true },
  dlr: { name: 'the dollar', also: 'the us dollar' },
  gnp: { name: 'economic growth', also: 'gdp' },
  coffee: { name: 'coffee', market: true },
  'veg-oil': { name: 'vegetable oils', also: 'edible oils', market: true },
  gold: { name: 'gold', market: true },
  'money-supply': { name: 'money supply', also: 'the money stock' },
  'nat-gas': { name: 'natural gas', market: true },
  livestock: { name: 'livestock', also: 'cattle', market: true },
  soybean: { name: 'soybeans', also: 'soya beans', market: true },
  cpi: { name: 'inflation', also: 'consumer prices' },
  bop: { name: 'the balance of payments', also: 'the current account' },
  copper: { name: 'copper', market: true },
  carcass: { name: 'meat', also: 'beef and pork', market: true },
  reserves: { name: 'foreign exchange reserves', also: 'central bank reserves' },
  cocoa: { name: 'cocoa', market: true },
  jobs: { name: 'unemployment', also: 'jobs' },
  rice: { name: 'rice', market: true },
  'iron-steel': { name: 'steel', also: 'the steel industry', market: true },
  cotton: { name: 'cotton', market: true },
  alum: { name: 'aluminium', also: 'aluminum', market: true },
  yen: { name: 'the yen', also: 'the japanese yen' },
  ipi: { name: 'industrial production', also: 'industrial output' },
  gas: { name: 'gasoline', also: 'petrol', market: true },
  'meal-feed': { name: 'animal feed', also: 'feed grains', market: true },
  rubber: { name: 'rubber', also: 'natural rubber', market: true },
  barley: { name: 'barley', market: true },
  zinc: { name: 'zinc', market: true },
  'palm-oil': { name: 'palm oil', market: true },
  'pet-chem': { name: 'petrochemicals', also: 'the chemical industry' },
  silver: { name: 'silver', market: true },
  rapeseed: { name: 'rapeseed', also: 'canola', market: true },
  lead: { name: 'lead', also: 'lead smelters', market: true },
  sorghum: { name: 'sorghum', market: true },
  tin: { name: 'tin', market: true },
  'strategic-metal': { name: 'strategic metals', also: 'cobalt and uranium' },
  wpi: { name: 'wholesale prices', also: 'producer prices' },
  fuel: { name: 'fuel oil', market: true },
  'soy-meal': { name: 'soymeal', also: 'soybean meal', market: true },
  hog: { name: 'hogs', also: 'hog farmers', market: true },
  'soy-oil': { name: 'soybean oil', also: 'soyoil', market: true },
  heat: { name: 'heating oil', market: true },
  orange: { name: 'orange juice', also: 'oranges', market: true },
  retail: { name: 'retail sales', also: 'retailers' },
};

/** A topic holds at least this many articles to be asked about. */
export const TOPIC_MIN_ARTICLES = 20;
/** Phrasings asked per topic. */
export const PHRASINGS_PER_TOPIC = 4;

/** How people ask about a subject in Slack: lowercase, loose punctuation, a frame around the subject. */
const TOPIC_PHRASINGS: ((subject: string) => string)[] = [
  (subject) => `what is happening with ${subject}?`,
  (subject) => `any news about ${subject}`,
  (subject) => `tell me about ${subject}`,
  (subject) => `whats the latest on ${subject}?`,
  (subject) => `anything new on ${subject}?`,
  (subject) => `${subject} news`,
  (subject) => `what's going on with ${subject}`,
  (subject) => `can you give me an update on ${subject}`,
  (subject) => `any word on ${subject}?`,
];

/** Phrasings for goods that trade at a price. */
const MARKET_PHRASINGS: ((subject: string) => string)[] = [
  (subject) => `latest on ${subject} prices`,
  (subject) => `how is the ${subject} market doing?`,
  (subject) => `${subject} prices this week`,
];

/**
 * For every TOPICS code held by {@link TOPIC_MIN_ARTICLES} or more of `articles`, {@link PHRASINGS_PER_TOPIC}
 * questions, each in a different frame (drawn with a fixed seed); one asks by the topic's second name
 * and, for goods, one asks about prices. Relevant: every article carrying the code.
 */
export function topicQuestions(articles: readonly NewsArticle[], seed = 8): RelevanceQuestion[] {
  const holders = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const topic of article.topics) {
      if (!holders.has(topic)) holders.set(topic, new Set());
      holders.get(topic)?.add(article.name);
    }
  }
  const random = seededRandom(seed);
  const questions: RelevanceQuestion[] = [];
  const topics = [...holders].filter(([, held]) => held.size >= TOPIC_MIN_ARTICLES);
  for (const [topic, relevant] of topics.sort(([, a], [, b]) => b.size - a.size)) {
    const names = TOPIC_NAMES[topic];
    if (!names) throw new Error(`relevance: no readable name for Reuters topic '${topic}' in TOPIC_NAMES`);
    const frames = shuffled(TOPIC_PHRASINGS, random);
    const asked = frames.slice(0, PHRASINGS_PER_TOPIC).map((frame, i) => {
      if (names.market && i === 0) return shuffled(MARKET_PHRASINGS, random)[0](names.name);
      return frame(names.also && i === 1 ? names.also : names.name);
    });
    for (const question of asked) questions.push({ set: 'topic', question, relevant, about: topic });
  }
  return questions;
}

/** How people ask for a story they half remember, around its headline typed in lowercase. */
const KNOWN_ITEM_PHRASINGS: ((headline: string) => string)[] = [
  (headline) => headline,
  (headline) => `what about ${headline}?`,
  (headline) => `${headline}?`,
  (headline) => `anything on ${headline}`,
  (headline) => `did we get the story on ${headline}`,
];

/** Headlines shorter than this, in words, name no single story ("RESULTS", "DIVIDEND"). */
const MIN_HEADLINE_WORDS = 3;

/**
 * `count` headlines, drawn with a fixed seed from those no other article shares, asked as a user types
 * them: lowercase, stock tickers (`<DD>`) left out, some framed as a question. Relevant: that article.
 */
export function knownItemQuestions(
  articles: readonly NewsArticle[],
  count: number,
  seed = 21578,
): RelevanceQuestion[] {
  const typed = articles.map((article) => ({ article, headline: typedHeadline(article.headline) }));
  const uses = new Map<string, number>();
  for (const { headline } of typed) uses.set(headline, (uses.get(headline) ?? 0) + 1);
  const candidates = typed.filter(
    ({ headline }) => uses.get(headline) === 1 && headline.split(' ').length >= MIN_HEADLINE_WORDS,
  );
  const random = seededRandom(seed);
  return shuffled(candidates, random)
    .slice(0, count)
    .map(({ article, headline }) => ({
      set: 'known-item',
      question: KNOWN_ITEM_PHRASINGS[Math.floor(random() * KNOWN_ITEM_PHRASINGS.length)](headline),
      relevant: new Set([article.name]),
      about: article.name,
    }));
}

/** `DU PONT <DD> 1ST QTR NET` → `du pont 1st qtr net`. */
export function typedHeadline(headline: string): string {
  return headline
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.]$/, '')
    .toLowerCase();
}

/**
 * Questions about subjects Reuters' 1987 wire does not cover, each sharing a word or two with it
 * ("oil", "rice", "export", "ship", "bank"). The honest reply to each is "the corpus doesn't say".
 */
export const OFF_TOPIC_QUESTIONS: readonly string[] = [
  'who won the world cup final',
  'how do I reset my laptop password',
  'best recipe for banana bread',
  'what time does the gym open on sunday',
  'how do I train my puppy to sit',
  'which smartphone has the best camera',
  'how do I fix a leaking kitchen tap',
  'what are good exercises for lower back pain',
  'how do I install python on windows',
  'what should I pack for a beach holiday',
  'can anyone recommend a good fantasy novel',
  'how many calories are in an avocado',
  'how do I change a flat bicycle tyre',
  "what's the wifi password for the office",
  'who plays the villain in the new batman film',
  'how do I make a sourdough starter',
  'what is the best way to learn guitar',
  'how do I unblock a sink drain',
  'how do I set up a vpn on my phone',
  'where can I buy cheap concert tickets',
  'how long should I cook rice in a microwave',
  'is there a good coffee shop near the office',
  'what is the best oil for frying chips',
  'how do I export my contacts from my phone',
  'how do I ship a birthday present to my grandmother',
  'can I open a bank account for my kid online',
  'how do I grow tomatoes on a balcony',
  'is it safe to eat raw corn on the cob',
  'who wrote the harry potter books',
  'how do I get my cat to stop scratching the sofa',
  'what gold jewellery is in fashion this year',
  'when does the school summer holiday start',
];

/** The off-topic questions, relevant to nothing. */
export function offTopicQuestions(): RelevanceQuestion[] {
  return OFF_TOPIC_QUESTIONS.map((question) => ({
    set: 'off-topic',
    question,
    relevant: new Set(),
    about: '',
  }));
}

/** A copy of `items` in an order drawn from `random` (Fisher–Yates). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
