import { marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { dateField } from './iso-date';
import { collapse, SectionBuilder } from './sections';
import type { DocumentContent } from './types';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Reads a Markdown file with marked's lexer (GitHub-flavoured: tables, task lists). Headings open sections
 * (the heading path is each passage's location); list items and table rows stay one per line; code blocks
 * are kept but shortened. YAML front matter gives `title`, `date` and `url` and is never indexed.
 */
export function readMarkdown(text: string): DocumentContent {
  const { meta, body } = frontMatter(text);
  const builder = new SectionBuilder();
  addTokens(builder, marked.lexer(body, { gfm: true }));
  const { title, sections } = builder.finish();
  return {
    title: stringField(meta.title) ?? title,
    date: dateField(meta.date),
    url: stringField(meta.url),
    sections,
  };
}

function addTokens(builder: SectionBuilder, tokens: Token[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        builder.heading((token as Tokens.Heading).depth, inlineText((token as Tokens.Heading).tokens));
        break;
      case 'paragraph':
      case 'text':
        builder.paragraph(blockText(token as Tokens.Generic));
        break;
      case 'list':
        addList(builder, token as Tokens.List);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        builder.table(
          table.header.map((cell) => inlineText(cell.tokens)),
          table.rows.map((row) => row.map((cell) => inlineText(cell.tokens))),
        );
        break;
      }
      case 'code':
        builder.code((token as Tokens.Code).text);
        break;
      case 'blockquote':
        addTokens(builder, (token as Tokens.Blockquote).tokens);
        break;
      case 'html':
        builder.paragraph(decodeEntities((token as Tokens.HTML).text.replace(/<[^>]*>/g, ' ')));
        break;
      default:
        break;
    }
  }
}

/** Each item is a list item; an item's own nested list follows it, item by item. */
function addList(builder: SectionBuilder, list: Tokens.List): void {
  for (const item of list.items) {
    const nested = item.tokens.filter((token) => token.type === 'list') as Tokens.List[];
    const own = item.tokens.filter((token) => token.type !== 'list');
    builder.paragraph(own.map((token) => blockText(token as Tokens.Generic)).join(' '), true);
    for (const inner of nested) addList(builder, inner);
  }
}

function blockText(token: Tokens.Generic): string {
  return inlineText(token.tokens ?? []) || decodeEntities(typeof token.text === 'string' ? token.text : '');
}

/** The plain text of inline tokens: emphasis, links and code spans keep their words; images their alt text. */
function inlineText(tokens: Token[]): string {
  return collapse(
    tokens
      .map((token) => {
        if (token.type === 'br') return ' ';
        if (token.type === 'html') return '';
        return blockText(token as Tokens.Generic);
      })
      .join(''),
  );
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

function frontMatter(text: string): { meta: Record<string, unknown>; body: string } {
  const match = text.match(FRONT_MATTER);
  if (!match) return { meta: {}, body: text };
  try {
    const meta = parseYaml(match[1]) as unknown;
    const fields = meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {};
    return { meta: fields, body: text.slice(match[0].length) };
  } catch {
    // Not YAML after all (a horizontal rule and a paragraph): read it as text.
    return { meta: {}, body: text };
  }
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? collapse(value) : undefined;
}
