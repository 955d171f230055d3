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
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`${panels.map((panel) => panel.title).join(', ')} against corpus size. ${caption}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    body,
    legend,
    `<text x="16" y="${height - 6}" fill="#555">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
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
