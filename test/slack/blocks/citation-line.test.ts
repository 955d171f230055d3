import { citationLine } from '../../../src/slack/blocks/answer';

describe('citationLine', () => {
  it('shows the page of a PDF and links the title to that page', () => {
    const line = citationLine({
      file: 'report.pdf',
      title: 'Annual report',
      date: '2024-03-12',
      location: { page: 12 },
      url: 'https://files.example.com/report.pdf',
    });
    expect(line).toBe(
      '📄 `report.pdf` · p. 12 · *<https://files.example.com/report.pdf#page=12|Annual report>* · 2024-03-12',
    );
  });

  it('shows the heading path of a Markdown, HTML or Word passage, without a link when there is no URL', () => {
    const line = citationLine({
      file: 'handbook.md',
      title: 'Staff handbook',
      location: { headings: ['Onboarding', 'Laptops'] },
    });
    expect(line).toBe('📄 `handbook.md` › Onboarding › Laptops · *Staff handbook*');
  });

  it('keeps headings and links from breaking the markup', () => {
    const line = citationLine({
      file: 'page.html',
      title: 'Q&A | <b>FAQ</b>',
      location: { headings: ['<!channel> tricks'] },
      url: 'https://example.com/a|b>c',
    });
    expect(line).toContain('› &lt;!channel&gt; tricks');
    expect(line).toContain('<https://example.com/a%7Cb%3Ec|Q&amp;A ∣ &lt;b&gt;FAQ&lt;/b&gt;>');
  });
});
