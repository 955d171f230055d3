import type { SectionBuilder } from './sections';

/** The slice of the DOM the walker reads; linkedom's nodes provide it. */
export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
}

/** How to read a document's HTML. */
export interface DomOptions {
  /** A table's first row names its columns even without `<th>` (Word tables). */
  firstRowIsHeader?: boolean;
}

const HEADING = /^h([1-6])$/;
/** Elements that hold blocks; their children are walked. */
const CONTAINERS = new Set([
  'body',
  'main',
  'article',
  'section',
  'div',
  'blockquote',
  'figure',
  'center',
  'details',
  'dl',
  'dd',
  'dt',
  'li',
  'td',
  'th',
  'font',
  'span',
]);
/** Elements whose text is never content. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'button',
  'select',
  'iframe',
]);
/** Elements that end a run of inline text. */
const BLOCKS = new Set([
  'p',
  'pre',
  'ul',
  'ol',
  'table',
  'hr',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'address',
]);

/**
 * Walks HTML content into sections: headings open them, paragraphs and loose text become paragraphs,
 * each list item and table row a list item, `<pre>` a shortened code block.
 */
export function addDomContent(builder: SectionBuilder, root: DomNode, options: DomOptions = {}): void {
  let inline = '';
  const flush = () => {
    builder.paragraph(inline);
    inline = '';
  };
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 3) {
      inline += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.localName ?? '';
    if (SKIPPED.has(name)) continue;
    const heading = name.match(HEADING);
    if (heading) {
      flush();
      builder.heading(Number(heading[1]), node.textContent ?? '');
    } else if (name === 'p' || name === 'address') {
      flush();
      if (hasBlockChild(node)) addDomContent(builder, node, options);
      else builder.paragraph(node.textContent ?? '');
    } else if (name === 'pre') {
      flush();
      builder.code(node.textContent ?? '');
    } else if (name === 'ul' || name === 'ol') {
      flush();
      addList(builder, node);
    } else if (name === 'table') {
      flush();
      addTable(builder, node, options);
    } else if (name === 'br' || name === 'hr') {
      flush();
    } else if (CONTAINERS.has(name) && hasBlockChild(node)) {
      flush();
      addDomContent(builder, node, options);
    } else if (CONTAINERS.has(name) && name !== 'span' && name !== 'font') {
      flush();
      builder.paragraph(node.textContent ?? '');
    } else {
      inline += node.textContent ?? '';
    }
  }
  flush();
}

function hasBlockChild(node: DomNode): boolean {
  return Array.from(node.childNodes).some((child) => {
    const name = child.localName ?? '';
    return child.nodeType === 1 && (BLOCKS.has(name) || (CONTAINERS.has(name) && hasBlockChild(child)));
  });
}

function elements(node: DomNode, names: string[]): DomNode[] {
  return Array.from(node.childNodes).filter(
    (child) => child.nodeType === 1 && names.includes(child.localName ?? ''),
  );
}

/** Each `<li>` a list item; a nested list's items follow their parent's. */
function addList(builder: SectionBuilder, list: DomNode): void {
  for (const item of elements(list, ['li'])) {
    const nested = elements(item, ['ul', 'ol']);
    const own = Array.from(item.childNodes)
      .filter((child) => !nested.includes(child))
      .map((child) => child.textContent ?? '')
      .join(' ');
    builder.paragraph(own, true);
    for (const inner of nested) addList(builder, inner);
  }
}

/** Rows under the header row's names: `Header: cell; Header: cell`. */
function addTable(builder: SectionBuilder, table: DomNode, options: DomOptions): void {
  const rows = elements(table, ['thead', 'tbody', 'tfoot'])
    .flatMap((group) => elements(group, ['tr']))
    .concat(elements(table, ['tr']));
  const cells = rows.map((row) => elements(row, ['th', 'td']).map((cell) => cell.textContent ?? ''));
  if (cells.length === 0) return;
  const headed = (options.firstRowIsHeader || elements(rows[0], ['th']).length > 0) && cells.length > 1;
  builder.table(headed ? cells[0] : [], headed ? cells.slice(1) : cells);
}
