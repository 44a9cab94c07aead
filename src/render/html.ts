/**
 * The HTML report: one self-contained file with SVG charts, every note
 * grouped by theme with a filter box, and the parameters of the run.
 *
 * Nothing leaves the page: no CDN, no web fonts, no images by URL; the
 * page's Content-Security-Policy forbids every request and allows only the
 * report's own script (by its hash). All note text and metadata is escaped.
 */
import type { ReportNote, Theme, ThemeReport } from '../types';
import { ThemenfinderError } from '../errors';
import { clip, heatmapChart, keywordChart, mapChart, themeSizeChart } from './html/charts';
import { chooseCrossField, crossTable } from './html/crosstab';
import { displayValue, escapeHtml } from './html/escape';
import { formatNumber, formatPercent, type Labels, labelsFor, type Locale } from './html/i18n';
import { UNASSIGNED_COLOUR, themeColour } from './html/palette';
import { noteMap } from './html/projection';
import { SCRIPT, SCRIPT_HASH } from './html/script';
import { STYLES } from './html/styles';

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Language of the labels: `'de'` or `'en'`. Default: the report's language (`'de'` unless it is `'en'`). */
  locale?: Locale;
  /** Title of the page. Default "Themen" / "Themes". */
  title?: string;
  /**
   * Metadata field(s) for the themes × metadata heatmaps. Default: the
   * fields of `report.crosstabs` if any, else one field chosen from the
   * notes (2–15 distinct values); `false` for none.
   */
  by?: string | string[] | false;
  /** `true` returns only the report `<div>` (with its style and script) for embedding, e.g. in a notebook. Default false. */
  fragment?: boolean;
}

/** The Content-Security-Policy of the full page: no request of any kind, only the report's own script. */
export const HTML_CSP = `default-src 'none'; script-src '${SCRIPT_HASH}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;

/**
 * Renders a report as one self-contained HTML page.
 *
 * @param report - A report from `analyze`.
 * @param options - Locale, title, heatmap field, fragment mode.
 * @returns The HTML text (a full document, or a `<div>` with `fragment: true`).
 * @throws ThemenfinderError `BAD_OPTION` for an unknown locale or a `by` field no note has.
 *
 * @example
 * ```ts
 * import { analyze, renderHtml } from 'themenfinder';
 * const html = renderHtml(analyze(notes), { locale: 'en', by: 'group' });
 * ```
 */
export function renderHtml(report: ThemeReport, options: HtmlOptions = {}): string {
  const locale = resolveLocale(report, options.locale);
  const labels = labelsFor(locale);
  const title = options.title ?? labels.title;
  const fields = resolveFields(report, options.by);
  const body = [
    header(report, title, labels, locale, fields),
    overview(report, labels, locale),
    keywordCards(report, labels, locale),
    ...fields.map((field, i) => heatmapSection(report, field, i, labels, locale)),
    mapSection(report, labels),
    notesSection(report, labels, locale),
    parametersSection(report, labels),
    `<footer>${escapeHtml(labels.generated)} ${escapeHtml(report.meta.version)}</footer>`,
  ].join('\n');
  const div = `<div class="tf-report" lang="${locale}">\n<style>${STYLES}</style>\n${body}\n<script>${SCRIPT}</script>\n</div>`;
  if (options.fragment) return div;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="themenfinder ${escapeHtml(report.meta.version)}">
<title>${escapeHtml(title)}</title>
<style>html,body{margin:0;background:#fff}</style>
</head>
<body>
${div}
</body>
</html>
`;
}

function resolveLocale(report: ThemeReport, locale: unknown): Locale {
  if (locale === undefined) return report.meta.language === 'en' ? 'en' : 'de';
  if (locale === 'de' || locale === 'en') return locale;
  throw new ThemenfinderError('BAD_OPTION', `locale must be "de" or "en", got ${JSON.stringify(locale)}.`, {
    option: 'locale',
    value: locale,
  });
}

function resolveFields(report: ThemeReport, by: string | string[] | false | undefined): string[] {
  if (by === false) return [];
  if (by === undefined) {
    const given = Object.keys(report.crosstabs ?? {});
    if (given.length > 0) return given;
    const chosen = chooseCrossField(report);
    return chosen ? [chosen] : [];
  }
  return (Array.isArray(by) ? by : [by]).map((field) => checkField(report, field));
}

function checkField(report: ThemeReport, by: string): string {
  if (!report.notes.some((note) => note.meta && displayValue(note.meta[by]) !== '')) {
    const fields = [...new Set(report.notes.flatMap((note) => Object.keys(note.meta ?? {})))];
    throw new ThemenfinderError(
      'BAD_OPTION',
      `No note has the metadata field "${by}". ${fields.length ? `Fields in this report: ${fields.slice(0, 12).join(', ')}.` : 'The notes have no metadata.'}`,
      { option: 'by', value: by },
    );
  }
  return by;
}

function header(report: ThemeReport, title: string, labels: Labels, locale: Locale, fields: string[]): string {
  const { meta } = report;
  const nav = [
    ['tf-overview', labels.overview],
    ['tf-keywords', labels.keywords],
    ...fields.map((field, i) => [`tf-heatmap-${i + 1}`, labels.heatmap(field)]),
    ['tf-map', labels.map],
    ['tf-notes', labels.notesByTheme],
    ['tf-parameters', labels.parameters],
  ];
  return `<header>
<h1>${escapeHtml(title)}</h1>
<p class="tf-lead">${escapeHtml(labels.summary(meta.notes, report.themes.length, meta.unassigned))}</p>
<p class="tf-muted">themenfinder ${escapeHtml(meta.version)} · k = ${meta.k}${meta.kAuto ? ' (auto)' : ''} · seed ${meta.seed} · ${escapeHtml(meta.language)} · ${formatNumber(meta.vocabularySize, locale)} ${escapeHtml(labels.terms)}</p>
<nav aria-label="${escapeHtml(labels.contents)}"><ol>${nav.map(([id, text]) => `<li><a href="#${id}">${escapeHtml(text!)}</a></li>`).join('')}</ol></nav>
</header>`;
}

function overview(report: ThemeReport, labels: Labels, locale: Locale): string {
  const rows = report.themes.map(
    (theme, i) =>
      `<tr><td class="tf-r">${i + 1}</td><td><span class="tf-swatch" style="background:${themeColour(i)}"></span><a href="#tf-theme-${i + 1}">${escapeHtml(theme.label)}</a></td><td class="tf-r">${theme.size}</td><td class="tf-r">${formatPercent(theme.share, locale)}</td><td>${escapeHtml(theme.keywords.slice(0, 6).map((kw) => kw.term).join(', '))}</td></tr>`,
  );
  if (report.meta.unassigned > 0) {
    rows.push(
      `<tr><td></td><td><span class="tf-swatch" style="background:${UNASSIGNED_COLOUR}"></span><a href="#tf-theme-none">${escapeHtml(labels.withoutTheme)}</a></td><td class="tf-r">${report.meta.unassigned}</td><td class="tf-r">${formatPercent(report.meta.notes ? report.meta.unassigned / report.meta.notes : 0, locale)}</td><td></td></tr>`,
    );
  }
  return `<section id="tf-overview">
<h2>${escapeHtml(labels.themeSizes)}</h2>
<p class="tf-note">${escapeHtml(labels.themeSizesNote)}</p>
<div class="tf-figure">${themeSizeChart(report.themes, report.meta.unassigned, locale, labels)}</div>
<table><thead><tr><th class="tf-r">#</th><th>${escapeHtml(labels.theme)}</th><th class="tf-r">${escapeHtml(labels.notes)}</th><th class="tf-r">${escapeHtml(labels.share)}</th><th>${escapeHtml(labels.keywordsColumn)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function keywordCards(report: ThemeReport, labels: Labels, locale: Locale): string {
  const byId = new Map(report.notes.map((note) => [note.id, note]));
  const cards = report.themes.map((theme, i) => {
    const quotes = theme.representativeNoteIds
      .map((id) => byId.get(id))
      .filter((note): note is ReportNote => note !== undefined)
      .map((note) => `<blockquote class="tf-text">${escapeHtml(clip(note.text, 240))}</blockquote>`)
      .join('');
    return `<div class="tf-card" style="--tf-c:${themeColour(i)}"><h3>${i + 1}. ${escapeHtml(theme.label)} <span class="tf-muted">${theme.size} · ${formatPercent(theme.share, locale)}</span></h3>${theme.description ? `<p class="tf-note">${escapeHtml(theme.description)}</p>` : ''}${keywordChart(theme, i, labels)}${quotes}</div>`;
  });
  return `<section id="tf-keywords">
<h2>${escapeHtml(labels.keywords)}</h2>
<p class="tf-note">${escapeHtml(labels.keywordsNote)}</p>
<div class="tf-cards">${cards.join('\n')}</div>
</section>`;
}

function heatmapSection(report: ThemeReport, field: string, index: number, labels: Labels, locale: Locale): string {
  return `<section id="tf-heatmap-${index + 1}" class="tf-heatmap">
<h2>${escapeHtml(labels.heatmap(field))}</h2>
<p class="tf-note">${escapeHtml(labels.heatmapNote)}</p>
<div class="tf-figure">${heatmapChart(crossTable(report, field), report.themes, locale, labels)}</div>
</section>`;
}

function mapSection(report: ThemeReport, labels: Labels): string {
  const map = noteMap(report);
  const texts = new Map(report.notes.map((note) => [note.id, clip(note.text, 200)]));
  const legend = report.themes
    .map((theme, i) => `<li><span class="tf-swatch" style="background:${themeColour(i)}"></span>${i + 1}. ${escapeHtml(theme.label)}</li>`)
    .join('');
  return `<section id="tf-map">
<h2>${escapeHtml(labels.map)}</h2>
<p class="tf-note">${escapeHtml(labels.mapNote(report.meta.notes - map.points.length))}</p>
<ul class="tf-legend">${legend}</ul>
<div class="tf-figure">${mapChart(map, report.themes, texts, labels)}</div>
</section>`;
}

function notesSection(report: ThemeReport, labels: Labels, locale: Locale): string {
  const groups = new Map<string | null, ReportNote[]>();
  for (const theme of report.themes) groups.set(theme.id, []);
  for (const note of report.notes) {
    const key = note.themeId !== null && groups.has(note.themeId) ? note.themeId : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(note);
  }
  const parts: string[] = [];
  report.themes.forEach((theme, i) => {
    parts.push(group(theme, i, groups.get(theme.id) ?? [], labels, locale));
  });
  const rest = groups.get(null);
  if (rest && rest.length > 0) parts.push(group(null, -1, rest, labels, locale));
  return `<section id="tf-notes">
<h2>${escapeHtml(labels.notesByTheme)}</h2>
<div class="tf-filter"><label>${escapeHtml(labels.filterLabel)} <input type="search" placeholder="${escapeHtml(labels.filterPlaceholder)}" aria-label="${escapeHtml(labels.filterLabel)}"></label><span class="tf-count tf-muted" aria-live="polite" data-template="${escapeHtml(labels.filterCount(-1, -2).replace('-1', '{shown}').replace('-2', '{total}'))}">${escapeHtml(labels.filterCount(report.notes.length, report.notes.length))}</span></div>
<p class="tf-empty tf-muted" hidden>${escapeHtml(labels.noMatch)}</p>
${parts.join('\n')}
</section>`;
}

function group(theme: Theme | null, index: number, notes: ReportNote[], labels: Labels, locale: Locale): string {
  const colour = theme ? themeColour(index) : UNASSIGNED_COLOUR;
  const name = theme ? `${index + 1}. ${theme.label}` : labels.withoutTheme;
  const representative = new Set(theme?.representativeNoteIds ?? []);
  const ordered = theme
    ? notes.map((note, i) => ({ note, i })).sort((a, b) => b.note.score - a.note.score || a.i - b.i).map(({ note }) => note)
    : notes;
  const items = ordered.map((note) => noteItem(note, representative.has(note.id), labels, locale));
  const id = theme ? `tf-theme-${index + 1}` : 'tf-theme-none';
  return `<details class="tf-group" id="${id}" style="--tf-c:${colour}" open><summary>${escapeHtml(name)} <span class="tf-muted">(<span class="tf-group-count" data-total="${notes.length}">${notes.length}</span>)</span></summary>
<ul class="tf-notes">${items.join('\n')}</ul>
</details>`;
}

function noteItem(note: ReportNote, representative: boolean, labels: Labels, locale: Locale): string {
  const facts: string[] = [`<span>#${escapeHtml(note.id)}</span>`];
  if (note.themeId !== null) facts.push(`<span>${escapeHtml(labels.score)} ${formatNumber(note.score, locale, 2)}</span>`);
  if (note.reason) facts.push(`<span>${escapeHtml(note.reason === 'outlier' ? labels.reasonOutlier : labels.reasonNoTerms)}</span>`);
  if (note.terms && note.terms.length > 0) {
    facts.push(`<span>${escapeHtml(labels.terms)}: ${note.terms.map((term) => `<span class="tf-term">${escapeHtml(term)}</span>`).join('')}</span>`);
  }
  for (const [key, value] of Object.entries(note.meta ?? {})) {
    const text = displayValue(value);
    if (text !== '') facts.push(`<span>${escapeHtml(key)}: ${escapeHtml(clip(text, 200))}</span>`);
  }
  const badge = representative ? `<span class="tf-badge">${escapeHtml(labels.representative)}</span>` : '';
  return `<li data-id="${escapeHtml(note.id)}"><div class="tf-text">${escapeHtml(note.text)}${badge}</div><div class="tf-facts">${facts.join('')}</div></li>`;
}

function parametersSection(report: ThemeReport, labels: Labels): string {
  const { meta } = report;
  const facts: Array<[string, unknown]> = [
    [labels.version, `themenfinder ${meta.version}`],
    ['schemaVersion', report.schemaVersion],
    ['language', meta.language],
    ['k', `${meta.k}${meta.kAuto ? ' (auto)' : ''}`],
    ['seed', meta.seed],
    ['notes / assigned / unassigned', `${meta.notes} / ${meta.assigned} / ${meta.unassigned}`],
    ['vocabularySize', meta.vocabularySize],
    ...Object.entries(meta.options).map(([key, value]): [string, unknown] => [`options.${key}`, value]),
  ];
  const rows = facts.map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td><code>${escapeHtml(displayValue(value))}</code></td></tr>`);
  const warnings =
    meta.warnings.length > 0
      ? `<h3>${escapeHtml(labels.warnings)}</h3><ul>${meta.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`
      : '';
  return `<section id="tf-parameters">
<h2>${escapeHtml(labels.parameters)}</h2>
<p class="tf-note">${escapeHtml(labels.parametersNote)}</p>
<table>${rows.join('\n')}</table>
${warnings}
</section>`;
}
