import { contentLines } from './content-lines';
import { loadNatively } from './esm-packages';

loadNatively('marked');
const { readMarkdown } =
  require('../../../src/corpus/readers/markdown') as typeof import('../../../src/corpus/readers/markdown');

const lines = contentLines;

describe('readMarkdown', () => {
  it('takes title, date and URL from front matter, never indexing it, the title winning over a heading', () => {
    const content = readMarkdown(
      '---\ntitle: "  Staff   handbook "\ndate: 2024-02-01\nurl: https://intranet.example.com/handbook\nowner: people-team\n---\n# Handbook\n\nWelcome.\n',
    );
    expect(content).toMatchObject({
      title: 'Staff handbook',
      date: '2024-02-01',
      url: 'https://intranet.example.com/handbook',
    });
    expect(lines(content)).toEqual([' | Welcome.']);
  });

  it.each([
    ['a quoted timestamp', 'date: "2024-02-01T17:00:00+02:00"', '2024-02-01'],
    ['a month alone', 'date: 2024-02', undefined],
    ['an impossible day', 'date: 2024-02-30', undefined],
    ['words', 'date: next Tuesday', undefined],
  ])('reads a front matter date given as %s', (_name, field, date) => {
    expect(readMarkdown(`---\n${field}\n---\nText.\n`).date).toBe(date);
  });

  it('ends front matter at "..." too, and ignores empty or non-text fields', () => {
    const content = readMarkdown(
      '---\ntitle: "  "\nurl: 42\n...\n# Expenses guide\n\nClaims are filed monthly.\n',
    );
    expect(content.title).toBe('Expenses guide');
    expect(content.url).toBeUndefined();
    expect(lines(content)).toEqual([' | Claims are filed monthly.']);
  });

  it('reads text that only looks like front matter (a rule, then text) as text', () => {
    const content = readMarkdown('---\nfoo: [unclosed\n---\nBody text.\n');
    expect(content.title).toBeUndefined();
    expect(lines(content).join('\n')).toContain('foo: [unclosed');
    expect(lines(content).join('\n')).toContain('Body text.');
  });

  it('drops a front matter block that is YAML but not fields, reading the rest', () => {
    expect(lines(readMarkdown('---\njust words\n---\nBody text.\n'))).toEqual([' | Body text.']);
  });

  it('takes a lone # heading opening the file as the title, and gives every other heading level its path', () => {
    const content = readMarkdown(
      '# Handbook\n\nIntro.\n\n## Onboarding\n\n### Laptops\n\nFrom the IT desk.\n\n#### Models\n\nThinkPads.\n\n## Expenses\n\nMonthly.\n',
    );
    expect(content.title).toBe('Handbook');
    expect(lines(content)).toEqual([
      ' | Intro.',
      'Onboarding › Laptops | From the IT desk.',
      'Onboarding › Laptops › Models | ThinkPads.',
      'Expenses | Monthly.',
    ]);
  });

  it('keeps two # headings in the paths and takes no title from them', () => {
    const content = readMarkdown('# Leave\n\nTwenty days.\n\n# Pay\n\nMonthly.\n');
    expect(content.title).toBeUndefined();
    expect(lines(content)).toEqual(['Leave | Twenty days.', 'Pay | Monthly.']);
  });

  it('keeps list items one per line, nested items after their parent, and table rows as named rows', () => {
    const content = readMarkdown(
      '1. Bring ID\n   - a passport\n   - or a licence\n2. Sign in\n\n- [x] Laptop collected\n\n| Role | Laptop |\n| --- | --- |\n| Engineer | ThinkPad |\n| Designer | |\n',
    );
    expect(lines(content)).toEqual([
      ' | - Bring ID',
      ' | - a passport',
      ' | - or a licence',
      ' | - Sign in',
      ' | - Laptop collected',
      ' | - Role: Engineer; Laptop: ThinkPad.',
      ' | - Role: Designer.',
    ]);
  });

  it('keeps a code block, cut to 200 characters', () => {
    const listing = 'setup-laptop --profile engineer '.repeat(20);
    const [code] = readMarkdown(`\`\`\`sh\n${listing}\n\`\`\`\n`).sections[0].paragraphs;
    expect(code.text).toHaveLength(200);
    expect(code.text.startsWith('setup-laptop --profile engineer setup-laptop')).toBe(true);
    expect(code.text.endsWith('…')).toBe(true);
  });

  it('keeps the words of emphasis, links, code spans, images, quotations and HTML, without their markup', () => {
    const content = readMarkdown(
      'Read **the** [policy](https://x.example.com) on `vpn` ![the office map](map.png) <span>now</span>.  \nFish &amp; chips &lt;3 &quot;daily&quot; isn&#39;t &gt; 2.\n\n> Quoted advice.\n\n<div class="note">Block <b>HTML</b> &amp; more</div>\n',
    );
    expect(lines(content)).toEqual([
      ' | Read the policy on vpn the office map now. Fish & chips <3 "daily" isn\'t > 2.',
      ' | Quoted advice.',
      ' | Block HTML & more',
    ]);
  });

  it('keeps words apart that only HTML tags separated, and decodes entities in HTML blocks', () => {
    expect(lines(readMarkdown('<p>It&#39;s</p><p>open</p><p>daily&#039;</p>\n'))).toEqual([
      " | It's open daily'",
    ]);
  });
});
