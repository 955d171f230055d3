import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { addDomContent, type DomNode } from './dom-sections';
import { dateField } from './iso-date';
import { collapse, SectionBuilder } from './sections';
import type { DocumentContent } from './types';

/** Meta tags that date a page, most specific first. */
const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
  'meta[name="dcterms.created"]',
  'meta[property="og:updated_time"]',
  'meta[name="last-modified"]',
];
/** Names of cookie, consent and sign-up overlays. */
const BANNER = /cookie|consent|gdpr|newsletter-signup|paywall|modal-overlay/i;
/** Menus, dropped before Readability reads the page. */
const NAVIGATION = 'nav, [role="navigation"]';
/** Page furniture dropped when Readability finds no article and the whole body is read. */
const FURNITURE = `script, style, noscript, header, footer, aside, form, iframe, ${NAVIGATION}`;

/**
 * Reads a saved web page: the main content as Mozilla's Readability (Firefox Reader View) finds it,
 * without navigation, footers, scripts or cookie banners, over linkedom's DOM. The title is `<title>`
 * (else `og:title`, else the first `<h1>`), the date the usual meta tags or a `<time datetime>`, the URL
 * the canonical link. Headings inside the content give each passage its heading path.
 */
export function readHtml(html: string): DocumentContent {
  const { document } = parseHTML(html);
  const title =
    collapse(document.querySelector('title')?.textContent ?? '') ||
    document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ||
    collapse(document.querySelector('h1')?.textContent ?? '') ||
    undefined;
  const url =
    absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    absoluteUrl(document.querySelector('meta[property="og:url"]')?.getAttribute('content'));
  const date = DATE_SELECTORS.map((selector) =>
    dateField(document.querySelector(selector)?.getAttribute('content')),
  )
    .concat(dateField(document.querySelector('time[datetime]')?.getAttribute('datetime')))
    .find(Boolean);

  // Readability does not know cookie and consent banners; they go before it reads the page.
  for (const element of document.querySelectorAll('[id], [class], [role="dialog"], [aria-modal]')) {
    const names = `${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`;
    if (BANNER.test(names) || element.getAttribute('aria-modal') === 'true') element.remove();
  }
  // Navigation is never content, but on a short page Readability keeps the whole body, menus included.
  for (const element of document.querySelectorAll(NAVIGATION)) element.remove();
  // Readability changes the document it reads; metadata is taken first.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  const builder = new SectionBuilder();
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    addDomContent(builder, content.body as unknown as DomNode);
  } else {
    const { document: page } = parseHTML(html);
    for (const element of page.querySelectorAll(FURNITURE)) element.remove();
    addDomContent(builder, page.body as unknown as DomNode);
  }
  const found = builder.finish();
  const sections = found.sections.map((section) => ({
    ...section,
    // The page's own title as a heading above everything says nothing about where a passage is.
    location:
      section.location?.headings && section.location.headings[0] === title
        ? trimmedLocation(section.location.headings.slice(1))
        : section.location,
  }));
  return { title: title ?? found.title, date: date ?? dateField(article?.publishedTime), url, sections };
}

function trimmedLocation(headings: string[]): { headings: string[] } | undefined {
  return headings.length > 0 ? { headings } : undefined;
}

function absoluteUrl(href: string | null | undefined): string | undefined {
  const value = href?.trim();
  return value && /^https?:\/\//i.test(value) ? value : undefined;
}
