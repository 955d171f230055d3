import { questionCore } from '../../src/answer/question-frame';

describe('questionCore', () => {
  it('asks "who else … besides X" about the same subject, without "else" or "besides"', () => {
    expect(questionCore('who else did he meet besides Jaishankar?').text).toBe('who did he meet Jaishankar?');
    expect(questionCore('Hi, what else is in the plan?').text).toBe('what is in the plan?');
    expect(questionCore('who did he meet apart from Rajnath Singh?').text).toBe(
      'who did he meet Rajnath Singh?',
    );
  });
});

describe('questionCore in detail', () => {
  const core = (question: string) => questionCore(question).text;

  it.each([
    ['hi there, who launched TSI?', 'who launched TSI'],
    ['Hey coop! who launched TSI', 'who launched TSI'],
    ['Good morning, what is TSI', 'what is TSI'],
    ['thanks - who signed the pact', 'who signed the pact'],
    ['quick question: when was it signed?', 'when was it signed?'],
    ['Hi all, when is the summit? thanks team', 'when is the summit'],
  ])('takes the greeting off %j', (question, expected) => expect(core(question)).toBe(expected));

  it.each([
    ['my manager asked me to find out quickly, who launched TSI?', 'who launched TSI'],
    ['who launched TSI, because we need it for the briefing', 'who launched TSI'],
    ['who launched TSI since my boss wants to know', 'who launched TSI'],
    ['when is the summit - my team needs it', 'when is the summit'],
    ['we need the date: when was the pact signed', 'when was the pact signed'],
  ])('takes the side remark off %j', (question, expected) => expect(core(question)).toBe(expected));

  it.each([
    ['who did Lammy meet; the UK minister', 'who did Lammy meet, the UK minister'],
    ['when was the pact signed (the UK one)', 'when was the pact signed, the UK one'],
  ])('keeps a clause that names something: %j', (question, expected) =>
    expect(core(question)).toBe(expected),
  );

  it.each([
    ['Can you tell me about the TSI?', 'the TSI?'],
    ['could you please find out about the TSI', 'the TSI'],
    ['do you know who launched TSI', 'who launched TSI'],
    ['I want to know when the pact was signed', 'when the pact was signed'],
    ["I'm curious about the jet engine deal", 'the jet engine deal'],
    ['wondering whether the UK signed', 'whether the UK signed'],
    ['tell me more about the defence pact', 'the defence pact'],
    ['fill me in on the semiconductor deal', 'the semiconductor deal'],
    ['any news on the semiconductor deal?', 'the semiconductor deal?'],
    ["what's the latest on the jet engine deal", 'the jet engine deal'],
    ['is there anything new about TSI', 'TSI'],
    ['What is happening with the TSI?', 'the TSI?'],
    ['whats up with TSI', 'TSI'],
    ['give me a quick overview of the TSI', 'the TSI'],
    ['show me a summary of the defence roadmap', 'the defence roadmap'],
    ['what do we know about the jet engines', 'the jet engines'],
    ['what does the corpus say about drones', 'drones'],
    ['news about drones', 'drones'],
    ['updates on the jet deal', 'the jet deal'],
    ['did we get the story on the drone deal', 'the drone deal'],
    ['did we get the story on (the drone deal)?', 'the drone deal'],
    ['have you seen any reports about the TSI', 'the TSI'],
    ['what about the drones?', 'the drones?'],
    ['how about Lammy?', 'Lammy?'],
    ['can you give me the TSI details', 'the TSI details'],
    ['how is the TSI going?', 'the TSI'],
    ['how are the talks progressing', 'the talks'],
    ['mergers news', 'mergers'],
    ['livestock prices this week', 'livestock prices'],
    ['drone deal updates please', 'drone deal'],
  ])('takes the frame off %j', (question, expected) => expect(core(question)).toBe(expected));

  it('leaves a plain question, or one that is only a frame word, as it is', () => {
    expect(core('Who launched TSI?')).toBe('Who launched TSI?');
    expect(core('TSI')).toBe('TSI');
    expect(core('news')).toBe('news');
    expect(core('latest')).toBe('latest');
    expect(core('else')).toBe('else');
    expect(core('hello')).toBe('');
  });

  it('knows when the asker wants the newest news', () => {
    for (const question of [
      "what's the latest on the jet engine deal",
      'livestock prices this week',
      'what is new this week',
    ])
      expect(questionCore(question).wantsRecent).toBe(true);
    for (const question of ['who launched TSI', 'news about drones', 'any news on the semiconductor deal?'])
      expect(questionCore(question).wantsRecent).toBe(false);
  });

  it('searches a question whose clauses are all frame and side remark by all its words, not by none', () => {
    expect(core('did we get the story on, my boss asked?')).toBe('did we get the story on, my boss asked?');
    expect(core('did we get the story on')).toBe('did we get the story on');
  });

  it('keeps a second question, even one about the asker, and a side clause that names someone', () => {
    expect(core('my boss asks, who launched TSI, and who are we meeting?')).toBe(
      'who launched TSI, and who are we meeting',
    );
    expect(core('who launched TSI, because my boss meets Lammy')).toBe(
      'who launched TSI, because my boss meets Lammy',
    );
  });

  it('does not take the capital of a side remark’s first word for a name', () => {
    expect(core('who launched TSI, My team needs it')).toBe('who launched TSI');
    expect(core('who launched TSI, URGENT my boss needs it')).toBe('who launched TSI');
  });

  it('takes off a frame that another frame opened', () => {
    expect(core('what about any news on TSI')).toBe('TSI');
  });

  it('keeps the words before a question word that ends the question', () => {
    expect(core('the deal was signed when?')).toBe('the deal was signed when?');
  });
});
