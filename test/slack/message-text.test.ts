import { mentionsUser, questionFromSlackText } from '../../src/slack/message-text';

describe('questionFromSlackText', () => {
  it.each([
    ['<@UBOT> who launched TSI?', 'who launched TSI?'],
    ['<@UBOT|coop> who launched TSI?', 'who launched TSI?'],
    ['<!channel> <!here> <!everyone> what is INDUS-X', 'what is INDUS-X'],
    ['what did <@U1|ana> say in <#C1|general>?', 'what did @ana say in #general?'],
    ['what did <@U1> say', 'what did say'],
    ['what is <https://indus-x.test|INDUS-X> and <https://x.test>', 'what is INDUS-X and https://x.test'],
    ['India &amp; UK: a &lt; b &gt; c', 'India & UK: a < b > c'],
    ['<!subteam^S1|@defence> roadmap?', '@defence roadmap?'],
    ['ask<@U1>about <@U2|@bob> and <@U3|bob@x>', 'ask about @bob and @bob@x'],
    ['in<#C1>today, see <#C2|#general> or <#C3|a#b>', 'in today, see #general or #a#b'],
    [
      'what changed since <!date^1392734382^{date_short} here|Feb 18, 2014>',
      'what changed since Feb 18, 2014',
    ],
    [
      'mail <mailto:ana@x.test> or <https://x.test/mailto:ana>',
      'mail ana@x.test or https://x.test/mailto:ana',
    ],
  ])('%s → %s', (text, question) => {
    expect(questionFromSlackText(text, 'UBOT')).toBe(question);
  });

  it('tells whether a message mentions the bot', () => {
    expect(mentionsUser('<@UBOT> hi', 'UBOT')).toBe(true);
    expect(mentionsUser('<@UBOT|coop> hi', 'UBOT')).toBe(true);
    expect(mentionsUser('<@UOTHER> hi', 'UBOT')).toBe(false);
    expect(mentionsUser('hi', undefined)).toBe(false);
    expect(mentionsUser(undefined, 'UBOT')).toBe(false);
  });
});
