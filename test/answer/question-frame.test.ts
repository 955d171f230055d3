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
