/**
 * Hand-written SVG charts. Each function returns one `<svg>` element as a
 * string; every text in it is escaped. Sizes are in viewBox units and the
 * charts scale to the page width.
 */
import type { Theme } from '../../types';
import type { CrossTable } from './crosstab';
import { escapeHtml } from './escape';
import { formatNumber, formatPercent, type Labels, type Locale } from './i18n';
import { UNASSIGNED_COLOUR, themeColour } from './palette';
import type { NoteMap } from './projection';

const CHAR = 7.3; // average glyph width at font-size 12, for layout

/** Shortens a label to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

const r1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Horizontal bars: the number of notes per theme, plus a grey bar for the
 * notes without theme.
 *
 * @example
 * ```ts
 * const svg = themeSizeChart(report.themes, report.meta.unassigned, 'en', labelsFor('en'));
 * ```
 */
export function themeSizeChart(themes: Theme[], unassigned: number, locale: Locale, labels: Labels): string {
  const rows = themes.map((theme, i) => ({ label: theme.label, size: theme.size, share: theme.share, colour: themeColour(i), id: theme.id }));
  const total = themes.reduce((sum, theme) => sum + theme.size, 0) + unassigned;
  if (unassigned > 0) {
    rows.push({ label: labels.withoutTheme, size: unassigned, share: total ? unassigned / total : 0, colour: UNASSIGNED_COLOUR, id: 'none' });
  }
  const labelWidth = Math.min(Math.max(...rows.map((row) => [...row.label].length), 6), 26) * CHAR + 34;
  const barSpace = 420;
  const width = labelWidth + barSpace + 90;
  const rowHeight = 24;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(...rows.map((row) => row.size), 1);
  const parts = rows.map((row, i) => {
    const y = 4 + i * rowHeight;
    const w = Math.max(1, (row.size / max) * barSpace);
    const number = row.id === 'none' ? '' : `${i + 1}. `;
    return (
      `<g class="tf-bar" data-theme="${escapeHtml(row.id)}">` +
      `<title>${escapeHtml(`${row.label}: ${row.size} ${labels.notes} (${formatPercent(row.share, locale)})`)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(number + clip(row.label, 26))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${r1(w)}" height="${rowHeight - 7}" rx="2" fill="${row.colour}"/>` +
      `<text x="${r1(labelWidth + w + 6)}" y="${y + 16}" class="tf-num">${row.size} · ${formatPercent(row.share, locale)}</text>` +
      '</g>'
    );
  });
  return svg(width, height, labels.themeSizes, parts.join(''), 'tf-chart-sizes');
}

/**
 * Keyword bars of one theme: bar length is the keyword weight relative to
 * the theme's strongest keyword.
 *
 * @example
 * ```ts
 * const svg = keywordChart(report.themes[0], 0, labelsFor('de'));
 * ```
 */
export function keywordChart(theme: Theme, index: number, labels: Labels): string {
  const keywords = theme.keywords;
  const labelWidth = Math.min(Math.max(...keywords.map((kw) => [...kw.term].length), 4), 22) * CHAR + 10;
  const barSpace = 150;
  const rowHeight = 19;
  const width = labelWidth + barSpace + 8;
  const height = Math.max(keywords.length, 1) * rowHeight + 4;
  const max = Math.max(...keywords.map((kw) => kw.weight), Number.MIN_VALUE);
  const colour = themeColour(index);
  const parts = keywords.map((kw, i) => {
    const y = 2 + i * rowHeight;
    const w = Math.max(1, (kw.weight / max) * barSpace);
    return (
      `<g><title>${escapeHtml(`${kw.term} (${kw.stem}): ${kw.weight.toFixed(4)}`)}</title>` +
      `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(clip(kw.term, 22))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${r1(w)}" height="${rowHeight - 6}" rx="2" fill="${colour}" fill-opacity="${r1(0.45 + 0.55 * (kw.weight / max))}"/></g>`
    );
  });
  return svg(width, height, `${labels.keywords}: ${theme.label}`, parts.join(''), 'tf-chart-keywords');
}

/**
 * Heatmap of a themes × metadata table, with the count in every cell.
 *
 * @example
 * ```ts
 * const svg = heatmapChart(crossTable(report, 'group'), report.themes, 'de', labelsFor('de'));
 * ```
 */
export function heatmapChart(table: CrossTable, themes: Theme[], locale: Locale, labels: Labels): string {
  const rowLabels = table.rows.map((row, i) =>
    row.themeId === null ? labels.withoutTheme : `${i + 1}. ${themes[i]?.label ?? row.themeId}`,
  );
  const columnLabels = table.values.map((value) => (value === '' ? labels.missingValue : value));
  const labelWidth = Math.min(Math.max(...rowLabels.map((label) => [...label].length), 6), 26) * CHAR + 12;
  const cell = 38;
  const headerLength = Math.min(Math.max(...columnLabels.map((label) => [...label].length), 4), 32);
  const header = headerLength * CHAR * 0.72 + 16;
  const width = labelWidth + table.values.length * cell + headerLength * CHAR * 0.72 + 10;
  const height = header + table.rows.length * cell + 6;
  const parts: string[] = [];
  columnLabels.forEach((label, c) => {
    const x = labelWidth + c * cell + cell / 2;
    parts.push(
      `<text transform="translate(${r1(x)},${r1(header - 6)}) rotate(-45)" class="tf-colhead"><title>${escapeHtml(label)}</title>${escapeHtml(clip(label, 32))}</text>`,
    );
  });
  table.rows.forEach((row, r) => {
    const y = header + r * cell;
    parts.push(`<text x="${labelWidth - 8}" y="${y + cell / 2 + 4}" text-anchor="end">${escapeHtml(clip(rowLabels[r]!, 26))}</text>`);
    row.counts.forEach((count, c) => {
      const x = labelWidth + c * cell;
      const t = table.max > 0 ? count / table.max : 0;
      const fill = count === 0 ? '#f4f4f4' : sequential(t);
      const share = row.total > 0 ? count / row.total : 0;
      parts.push(
        `<g><title>${escapeHtml(`${rowLabels[r]} × ${columnLabels[c]}: ${count} (${formatPercent(share, locale)})`)}</title>` +
          `<rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill="${fill}"/>` +
          (count > 0
            ? `<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" class="tf-cell" fill="${t > 0.55 ? '#fff' : '#222'}">${formatNumber(count, locale)}</text>`
            : '') +
          '</g>',
      );
    });
  });
  return svg(width, height, labels.heatmap(table.field), parts.join(''), 'tf-chart-heatmap');
}

/**
 * The map of the notes: one dot per note coloured by theme, theme labels at
 * their anchors. Hovering a dot shows the note text.
 *
 * @example
 * ```ts
 * const svg = mapChart(noteMap(report), report, labelsFor('en'));
 * ```
 */
export function mapChart(map: NoteMap, themes: Theme[], texts: Map<string, string>, labels: Labels): string {
  const inner = 480;
  const padX = 170;
  const padY = 50;
  const xs = [...map.points.map((p) => p.x), ...map.anchors.map((a) => a.x)];
  const ys = [...map.points.map((p) => p.y), ...map.anchors.map((a) => a.y)];
  const minX = Math.min(...xs, -1);
  const maxX = Math.max(...xs, 1);
  const minY = Math.min(...ys, -1);
  const maxY = Math.max(...ys, 1);
  const scale = inner / Math.max(maxX - minX, maxY - minY);
  const sx = (x: number) => r1(padX + (x - minX) * scale);
  const sy = (y: number) => r1(padY + (y - minY) * scale);
  const parts: string[] = [];
  for (const point of map.points) {
    parts.push(
      `<circle cx="${sx(point.x)}" cy="${sy(point.y)}" r="3.6" fill="${themeColour(point.theme)}" data-note="${escapeHtml(point.id)}"><title>${escapeHtml(`${themes[point.theme]?.label ?? ''}: ${texts.get(point.id) ?? ''}`)}</title></circle>`,
    );
  }
  for (const anchor of map.anchors) {
    // The label sits outside the theme's disc, on the ray from the centre.
    const length = Math.hypot(anchor.x, anchor.y);
    const push = length > 0 ? (length + anchor.radius + 0.06) / length : 1;
    const x = sx(anchor.x * push);
    const y = sy(anchor.y * push);
    const cx = sx(0);
    const anchorSide = x < cx - 30 ? 'end' : x > cx + 30 ? 'start' : 'middle';
    const dx = 0;
    const dy = y < sy(0) - 30 ? -2 : y > sy(0) + 30 ? 12 : 4;
    const label = `${anchor.theme + 1}. ${clip(themes[anchor.theme]?.label ?? '', 20)}`;
    parts.push(
      `<text x="${r1(x + dx)}" y="${r1(y + dy)}" text-anchor="${anchorSide}" class="tf-anchor" fill="${themeColour(anchor.theme)}">${escapeHtml(label)}</text>`,
    );
  }
  return svg(inner + 2 * padX, inner + 2 * padY, labels.map, parts.join(''), 'tf-chart-map');
}

function svg(width: number, height: number, title: string, body: string, className: string): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return `<svg class="tf-chart ${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

/** A light-to-dark blue for t in [0, 1]. */
function sequential(t: number): string {
  const from = [222, 235, 247];
  const to = [8, 48, 107];
  const mix = from.map((c, i) => Math.round(c + (to[i]! - c) * Math.sqrt(Math.min(1, Math.max(0, t)))));
  return `rgb(${mix.join(',')})`;
}
