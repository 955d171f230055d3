import { contentLines } from './content-lines';
import { loadNatively } from './esm-packages';

loadNatively('linkedom');
const { readHtml } =
  require('../../../src/corpus/readers/html') as typeof import('../../../src/corpus/readers/html');

const lines = contentLines;

/** Prose long enough for Readability to take its container as the article. */
const prose = (lead: string) =>
  `${lead} ${'The committee reviewed every proposal in detail and published its reasons for each decision. '.repeat(3)}`.trim();

const page = (head: string, body = `<article><p>${prose('Budget news.')}</p></article>`) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('readHtml metadata', () => {
  it.each([
    [
      '<title>, collapsed',
      '<title> Budget\n 2025 </title><meta property="og:title" content="Social">',
      'Budget 2025',
    ],
    [
      'og:title without a <title>',
      '<title> </title><meta property="og:title" content=" Social title ">',
      'Social title',
    ],
  ])('takes the title from %s', (_name, head, title) => {
    expect(readHtml(page(head)).title).toBe(title);
  });

  it('takes the title from the first <h1> when the head names none', () => {
    const content = readHtml(page('', `<article><h1>Office  move</h1><p>${prose('Moving.')}</p></article>`));
    expect(content.title).toBe('Office move');
  });

  it.each([
    'meta property="article:published_time"',
    'meta name="article:published_time"',
    'meta itemprop="datePublished"',
    'meta name="date"',
    'meta name="dc.date"',
    'meta name="DC.date"',
    'meta name="dcterms.created"',
    'meta property="og:updated_time"',
    'meta name="last-modified"',
  ])('dates a page by <%s>', (tag) => {
    expect(readHtml(page(`<${tag} content="2024-05-06T08:00:00Z">`)).date).toBe('2024-05-06');
  });

  it('prefers the publication date to a modification date, and skips a date it cannot read', () => {
    const head =
      '<meta name="last-modified" content="2024-09-01"><meta name="date" content="2024-05-06">' +
      '<meta property="article:published_time" content="sometime in May">';
    expect(readHtml(page(head)).date).toBe('2024-05-06');
  });

  it('falls back to a <time datetime> when no meta tag dates the page', () => {
    const body = `<article><p>${prose('Posted on')} <time datetime="2024-07-08T10:00">8 July</time></p></article>`;
    expect(readHtml(page('', body)).date).toBe('2024-07-08');
  });

  it('dates a page by its JSON-LD datePublished when no meta tag or <time> does', () => {
    const head =
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' +
      '"headline":"Budget","datePublished":"2024-04-01T09:00:00Z"}</script>';
    expect(readHtml(page(head)).date).toBe('2024-04-01');
  });

  it('takes the URL from the canonical link, else og:url, and only an absolute one', () => {
    expect(readHtml(page('<link rel="canonical" href="https://news.example.com/a ">')).url).toBe(
      'https://news.example.com/a',
    );
    expect(
      readHtml(
        page('<link rel="canonical" href="/a"><meta property="og:url" content="HTTP://news.example.com/b">'),
      ).url,
    ).toBe('HTTP://news.example.com/b');
    expect(readHtml(page('<meta property="og:url" content="news.example.com/c">')).url).toBeUndefined();
  });
});

describe('readHtml content', () => {
  const article = page(
    '<title>Budget 2025</title>',
    `<header><p>Example News, your daily paper for the whole region and beyond.</p></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/jobs">Jobs at the company this week</a></li></ul></nav>
<div id="gdpr-notice"><p>${prose('We value your privacy.')}</p></div>
<div class="newsletter-signup"><p>${prose('Sign up for our newsletter.')}</p></div>
<div role="dialog" aria-modal="true"><p>${prose('Subscribe before reading on.')}</p></div>
<article>
<h1>Budget 2025</h1>
<p>${prose('The budget was published.')}</p>
<h2>Spending</h2>
<p>${prose('Spending rises.')}</p>
<ul><li>Schools<ul><li>Primary schools</li></ul></li><li>Hospitals</li></ul>
<h3>By region</h3>
<table><thead><tr><th>Region</th><th>Amount</th></tr></thead><tbody><tr><td>North</td><td>10 million</td></tr></tbody></table>
<h2>Revenue</h2>
<p>${prose('Revenue falls.')}<br>After a line break.</p>
</article>
<footer><p>Copyright 2024 Example News. All rights reserved. Contact the newsroom for corrections.</p></footer>
<script>window.tracking = 'never indexed';</script>`,
  );

  it('reads the article under its heading paths, the page title not repeated above them', () => {
    const content = readHtml(article);
    expect(content.title).toBe('Budget 2025');
    expect(lines(content)).toEqual([
      ` | ${prose('The budget was published.')}`,
      `Spending | ${prose('Spending rises.')}`,
      'Spending | - Schools',
      'Spending | - Primary schools',
      'Spending | - Hospitals',
      'Spending › By region | - Region: North; Amount: 10 million.',
      `Revenue | ${prose('Revenue falls.')}`,
      'Revenue | After a line break.',
    ]);
  });

  it('leaves out navigation, header, footer, scripts and cookie, sign-up and modal banners', () => {
    expect(lines(readHtml(article)).join('\n')).not.toMatch(
      /Home|Jobs at|daily paper|privacy|newsletter|Subscribe|Copyright|tracking/,
    );
  });

  it('leaves out cookie and modal banners of a short page, and keeps the named parts that are content', () => {
    const content = readHtml(
      page(
        '<title>Opening hours</title>',
        '<div class="notice cookie-consent">We use cookies to improve the site. Accept all?</div>' +
          '<div aria-modal="true">Subscribe to our updates for the weekly programme.</div>' +
          '<div class="content" aria-modal="false"><p>The library opens at nine on weekdays.</p></div>',
      ),
    );
    const text = lines(content).join('\n');
    expect(text).toContain('The library opens at nine on weekdays.');
    expect(text).not.toMatch(/cookies|Subscribe/);
  });

  it('reads blocks, line breaks and lists of a short page as their own paragraphs', () => {
    const content = readHtml(
      page(
        '<title>Visitors</title>',
        '<div>Visitors sign in at the desk.</div><div>Badges are returned on leaving.</div>' +
          '<section>Parking is free<br>after six.<hr>The gate closes at ten.</section>' +
          '<ul><li>Bring identification</li><li>Wear the badge</li></ul>',
      ),
    );
    expect(lines(content)).toEqual([
      ' | Visitors sign in at the desk.',
      ' | Badges are returned on leaving.',
      ' | Parking is free',
      ' | after six.',
      ' | The gate closes at ten.',
      ' | - Bring identification',
      ' | - Wear the badge',
    ]);
  });

  it('leaves out the navigation, asides and footer of a short page too', () => {
    const content = readHtml(
      page(
        '<title>Lunch</title>',
        '<nav><a href="/">Home</a> <a href="/menu">Menu</a></nav><header>Canteen news</header>' +
          '<div role="navigation"><a href="/map">Sitemap</a></div>' +
          '<p>Lunch is served at noon on the terrace.</p><aside>Related: parking</aside>' +
          '<form><label>Search the site</label></form><footer>Copyright Canteen</footer>',
      ),
    );
    const text = lines(content).join('\n');
    expect(text).toContain('Lunch is served at noon on the terrace.');
    expect(text).not.toMatch(/Home|Menu|Sitemap|Related|Copyright/);
  });

  it('leaves the page title out of the path where the article repeats it as a heading', () => {
    const content = readHtml(
      page(
        '<title>Budget 2025</title>',
        `<article><h3>Budget 2025</h3><p>${prose('Intro.')}</p><h4>Detail</h4><p>${prose('Detail.')}</p></article>`,
      ),
    );
    expect(content.sections.map((section) => section.location)).toEqual([
      undefined,
      { headings: ['Detail'] },
    ]);
  });

  it('keeps the headings of a page whose title is not one of them', () => {
    const content = readHtml(
      page(
        '<title>Example News</title>',
        `<article><h2>Budget 2025</h2><p>${prose('Spending rises.')}</p></article>`,
      ),
    );
    expect(content.sections[0].location).toEqual({ headings: ['Budget 2025'] });
  });

  it('reads a page with no text as no sections, without failing', () => {
    expect(readHtml(page('<title>Blank</title>', '<script>var x = 1;</script>'))).toEqual({
      title: 'Blank',
      sections: [],
    });
  });
});
