/** One line of the chart: a pipeline's value at each corpus size. */
export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: { passages: number; value: number }[];
}

/** A panel of the chart: series against corpus size, on a linear or a log value axis. */
export interface ChartPanel {
  title: string;
  unit: string;
  logScale: boolean;
  series: ChartSeries[];
}

const PANEL_WIDTH = 360;
const PANEL_HEIGHT = 240;
const MARGIN = { top: 36, right: 16, bottom: 44, left: 56 };
const LEGEND_HEIGHT = 24;

/** Panels side by side in one SVG, corpus size (log scale) on every x axis; no chart library needed. */
export function renderChart(panels: ChartPanel[], caption: string): string {
  const width = panels.length * PANEL_WIDTH;
  const series = panels[0]?.series ?? [];
  const height = PANEL_HEIGHT + LEGEND_HEIGHT + 20;
  const body = panels.map((panel, i) => renderPanel(panel, i * PANEL_WIDTH)).join('\n');
  const legend = series
    .map((line, i) => {
      const x = 16 + i * 200;
      const y = PANEL_HEIGHT + 14;
      return `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${line.color}" stroke-width="2.5"${dash(line)}/><text x="${x + 30}" y="${y + 4}">${escapeXml(line.label)}</text>`;
    })
    .join('');
  return svgDocument(
    width,
    height,
    `${panels.map((panel) => panel.title).join(', ')} against corpus size. ${caption}`,
    [body, legend],
    caption,
  );
}

function svgDocument(width: number, height: number, title: string, parts: string[], caption: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...parts,
    `<text x="16" y="${height - 6}" fill="#555">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** One bar: an engine's score on one metric, from 0 to 1. */
export interface Bar {
  label: string;
  color: string;
  value: number;
}

/** A panel of grouped bars: one group per metric, one bar per engine, on a 0–1 axis. */
export interface BarPanel {
  title: string;
  groups: { label: string; bars: Bar[] }[];
}

/**
 * Grouped bar panels side by side in one SVG, each panel as wide as its groups need; the legend names
 * the bars of the first group.
 */
export function renderBarChart(panels: BarPanel[], caption: string): string {
  const barWidth = 16;
  const groupGap = 22;
  const widths = panels.map(
    (panel) =>
      MARGIN.left +
      MARGIN.right +
      panel.groups.reduce((sum, group) => sum + group.bars.length * barWidth + groupGap, groupGap),
  );
  const legendItems = panels[0]?.groups[0]?.bars ?? [];
  const width = Math.max(
    widths.reduce((sum, panelWidth) => sum + panelWidth, 0),
    32 + legendItems.length * 170,
  );
  const height = PANEL_HEIGHT + LEGEND_HEIGHT + 20;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number): number => MARGIN.top + plotHeight * (1 - Math.min(Math.max(value, 0), 1));
  let offset = 0;
  const body = panels.map((panel, p) => {
    const left = offset + MARGIN.left;
    const right = offset + widths[p] - MARGIN.right;
    offset += widths[p];
    const grid = [0, 0.25, 0.5, 0.75, 1]
      .map(
        (tick) =>
          `<line x1="${left}" y1="${y(tick)}" x2="${right}" y2="${y(tick)}" stroke="#e5e5e5"/><text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${formatTick(tick)}</text>`,
      )
      .join('');
    let x = left + groupGap;
    const groups = panel.groups.map((group) => {
      const start = x;
      const bars = group.bars.map((bar) => {
        const rect = `<rect x="${x}" y="${y(bar.value).toFixed(1)}" width="${barWidth - 2}" height="${(y(0) - y(bar.value)).toFixed(1)}" fill="${bar.color}"><title>${escapeXml(`${bar.label} ${group.label} ${bar.value.toFixed(3)}`)}</title></rect>`;
        x += barWidth;
        return rect;
      });
      x += groupGap;
      const middle = start + (group.bars.length * barWidth) / 2;
      return `${bars.join('')}<text x="${middle}" y="${PANEL_HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${escapeXml(group.label)}</text>`;
    });
    return [
      `<text x="${left}" y="20" font-size="13" font-weight="bold">${escapeXml(panel.title)}</text>`,
      grid,
      ...groups,
    ].join('\n');
  });
  const legend = legendItems
    .map((bar, i) => {
      const x = 16 + i * 170;
      const top = PANEL_HEIGHT + 6;
      return `<rect x="${x}" y="${top}" width="14" height="14" fill="${bar.color}"/><text x="${x + 20}" y="${top + 11}">${escapeXml(bar.label)}</text>`;
    })
    .join('');
  return svgDocument(
    width,
    height,
    `${panels.map((panel) => panel.title).join(', ')} by engine. ${caption}`,
    [...body, legend],
    caption,
  );
}

function renderPanel(panel: ChartPanel, offset: number): string {
  const points = panel.series.flatMap((line) => line.points);
  const sizes = [...new Set(points.map((point) => point.passages))].sort((a, b) => a - b);
  const values = points.map((point) => point.value).filter((value) => value > 0);
  const plotWidth = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const [low, high] = panel.logScale
    ? [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))]
    : [0, niceCeiling(Math.max(...values))];
  const ticks = panel.logScale ? decades(low, high) : [0, high / 4, high / 2, (3 * high) / 4, high];
  const y = (value: number): number => {
    const share = panel.logScale
      ? (Math.log10(Math.max(value, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
      : value / high;
    return MARGIN.top + plotHeight * (1 - share);
  };
  const [first, last] = [sizes[0], sizes[sizes.length - 1]];
  const x = (passages: number): number =>
    offset +
    MARGIN.left +
    (first === last ? plotWidth / 2 : (plotWidth * Math.log10(passages / first)) / Math.log10(last / first));

  const grid = ticks
    .map(
      (tick) =>
        `<line x1="${offset + MARGIN.left}" y1="${y(tick)}" x2="${offset + PANEL_WIDTH - MARGIN.right}" y2="${y(tick)}" stroke="#e5e5e5"/><text x="${offset + MARGIN.left - 6}" y="${y(tick) + 4}" text-anchor="end">${formatTick(tick)}</text>`,
    )
    .join('');
  const xLabels = sizes
    .map(
      (size) =>
        `<text x="${x(size)}" y="${PANEL_HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${formatTick(size)}</text>`,
    )
    .join('');
  const lines = panel.series
    .map((line) => {
      const coordinates = line.points.map(
        (point) => `${x(point.passages).toFixed(1)},${y(point.value).toFixed(1)}`,
      );
      const dots = coordinates
        .map((coordinate) => {
          const [cx, cy] = coordinate.split(',');
          return `<circle cx="${cx}" cy="${cy}" r="3" fill="${line.color}"/>`;
        })
        .join('');
      return `<polyline points="${coordinates.join(' ')}" fill="none" stroke="${line.color}" stroke-width="2.5"${dash(line)}/>${dots}`;
    })
    .join('\n');
  return [
    `<text x="${offset + MARGIN.left}" y="20" font-size="13" font-weight="bold">${escapeXml(panel.title)}</text>`,
    `<text x="${offset + 14}" y="${MARGIN.top + plotHeight / 2}" transform="rotate(-90 ${offset + 14} ${MARGIN.top + plotHeight / 2})" text-anchor="middle">${escapeXml(panel.unit)}</text>`,
    grid,
    xLabels,
    `<text x="${offset + MARGIN.left + plotWidth / 2}" y="${PANEL_HEIGHT - 8}" text-anchor="middle">passages</text>`,
    lines,
  ].join('\n');
}

function dash(line: ChartSeries): string {
  return line.dashed ? ' stroke-dasharray="6 4"' : '';
}

function decades(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let tick = low; tick <= high * 1.0001; tick *= 10) ticks.push(tick);
  return ticks;
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  return (steps.find((step) => step * magnitude >= value) ?? 10) * magnitude;
}

function formatTick(value: number): string {
  if (value >= 1000) return `${Number((value / 1000).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
