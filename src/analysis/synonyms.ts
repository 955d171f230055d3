import { analyze } from './analyzer';
import type { TermSequence } from './expansion';

/**
 * General English words that people use interchangeably when asking about news of policy, trade and
 * technology. A question word finds its group's other words at lower weight, so "cooperation" reaches a
 * passage that says "partnership", "plans" one that says "strategy". Groups name no document's subject:
 * they are ordinary vocabulary, and abbreviations people type ("tech", "govt").
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['cooperation', 'collaboration', 'partnership', 'co-operation', 'alliance'],
  ['agreement', 'deal', 'pact', 'accord', 'treaty', 'arrangement'],
  ['plan', 'strategy', 'roadmap', 'programme', 'scheme', 'blueprint'],
  ['funding', 'fund', 'money', 'investment', 'finance', 'grant', 'budget'],
  ['talks', 'meeting', 'discussion', 'dialogue', 'negotiation', 'consultation'],
  ['launch', 'start', 'unveil', 'introduce', 'establish', 'initiate', 'inaugurate', 'founded'],
  ['area', 'sector', 'field', 'domain'],
  ['focus', 'concentrate', 'centre', 'prioritise'],
  ['cover', 'include', 'span', 'encompass', 'involve'],
  ['country', 'nation'],
  ['leader', 'head', 'chief'],
  ['buy', 'purchase', 'acquire', 'procure'],
  ['sign', 'conclude', 'seal', 'finalise', 'ink'],
  ['company', 'firm', 'business', 'enterprise'],
  ['visit', 'trip', 'tour', 'travel'],
  ['aim', 'goal', 'objective', 'purpose', 'target'],
  ['threat', 'risk', 'danger'],
  ['growth', 'expansion'],
  ['worth', 'value'],
  ['organise', 'arrange', 'host', 'convene'],
  ['attend', 'participate', 'join'],
  ['accuse', 'charge', 'allege'],
  ['jail', 'prison', 'custody'],
  ['military', 'armed forces', 'army'],
  ['chip', 'semiconductor'],
  ['ai', 'artificial intelligence'],
  ['tech', 'technology'],
  ['govt', 'government'],
  ['dept', 'department'],
  ['intl', 'international'],
  ['former', 'ex', 'previous', 'erstwhile'],
  ['envoy', 'ambassador', 'high commissioner', 'diplomat'],
  ['pentagon', 'defense department', 'department of defense'],
  ['hurdle', 'obstacle', 'barrier', 'impediment', 'bottleneck'],
  ['promise', 'pledge', 'vow', 'commit'],
  ['review', 'examine', 'assess', 'evaluate'],
  ['concern', 'worry'],
  ['pm', 'prime minister'],
  ['fm', 'foreign minister'],
];

const groups: TermSequence[][] = SYNONYM_GROUPS.map((group) =>
  group.map((words) =>
    analyze(words)
      .filter((token) => !token.isPart)
      .map((token) => token.term),
  ),
);

/** Other ways to say a single index term, from {@link SYNONYM_GROUPS} (empty when it has none). */
export function synonymsOf(term: string): TermSequence[] {
  const found: TermSequence[] = [];
  for (const group of groups) {
    if (!group.some((sequence) => sequence.length === 1 && sequence[0] === term)) continue;
    for (const sequence of group) {
      if (!(sequence.length === 1 && sequence[0] === term)) found.push(sequence);
    }
  }
  return found;
}
