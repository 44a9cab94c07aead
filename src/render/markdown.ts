/**
 * The Markdown summary: an overview table of the themes, then a section per
 * theme with its keywords and representative notes. What someone pastes
 * into a report.
 */
import { crosstab } from '../crosstab';
import type { ThemeReport } from '../types';

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Title of the summary. Default "Themes". */
  title?: string;
  /** Keywords shown per theme. Default 6 in the table, all in the sections. */
  keywordsInTable?: number;
  /** Metadata fields to cross-tabulate against the themes (e.g. `['group']`). */
  by?: string[];
}

/**
 * Renders a report as Markdown.
 *
 * @param report - A report from `analyze`.
 * @param options - Title and table width.
 * @returns Markdown text ending in a newline.
 *
 * @example
 * ```ts
 * import { analyze, renderMarkdown } from 'themenfinder';
 * console.log(renderMarkdown(analyze(notes)));
 * ```
 */
export function renderMarkdown(report: ThemeReport, options: MarkdownOptions = {}): string {
  const title = options.title ?? 'Themes';
  const inTable = options.keywordsInTable ?? 6;
  const byId = new Map(report.notes.map((note) => [note.id, note]));
  const { meta } = report;
  const lines: string[] = [];
  lines.push(`# ${escapeInline(title)}`, '');
  lines.push(
    `${meta.notes} notes, ${report.themes.length} themes${meta.kAuto ? ' (number chosen automatically)' : ''}, ` +
      `${meta.unassigned} without theme. themenfinder ${meta.version}, seed ${meta.seed}.`,
    '',
  );
  lines.push('| # | Theme | Notes | Share | Keywords |', '|---:|---|---:|---:|---|');
  report.themes.forEach((theme, i) => {
    const keywords = theme.keywords.slice(0, inTable).map((kw) => escapeCell(kw.term)).join(', ');
    lines.push(`| ${i + 1} | ${escapeCell(theme.label)} | ${theme.size} | ${percent(theme.share)} | ${keywords} |`);
  });
  if (meta.unassigned > 0) {
    lines.push(`|  | *without theme* | ${meta.unassigned} | ${percent(meta.unassigned / meta.notes)} |  |`);
  }
  lines.push('');
  for (const field of options.by ?? []) lines.push(...crosstabLines(report, field));
  report.themes.forEach((theme, i) => {
    lines.push(`## ${i + 1}. ${escapeInline(theme.label)} (${theme.size} notes, ${percent(theme.share)})`, '');
    if (theme.description) lines.push(escapeInline(theme.description), '');
    lines.push(`**Keywords:** ${theme.keywords.map((kw) => escapeInline(kw.term)).join(', ')}`, '');
    if (theme.representativeNoteIds.length > 0) {
      lines.push('**Representative notes:**', '');
      for (const id of theme.representativeNoteIds) {
        const note = byId.get(id);
        if (note) lines.push(`- ${escapeInline(note.text)}`);
      }
      lines.push('');
    }
  });
  const unassigned = report.notes.filter((note) => note.themeId === null);
  if (unassigned.length > 0) {
    lines.push(`## Without theme (${unassigned.length} notes)`, '');
    lines.push('Notes with no content words that other notes share.', '');
    for (const note of unassigned.slice(0, 20)) lines.push(`- ${escapeInline(note.text) || '*(empty)*'}`);
    if (unassigned.length > 20) lines.push(`- … and ${unassigned.length - 20} more`);
    lines.push('');
  }
  if (meta.warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const warning of meta.warnings) lines.push(`- ${escapeInline(warning)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The themes × values table of one metadata field, counts per cell. */
function crosstabLines(report: ThemeReport, field: string): string[] {
  const table = crosstab(report, field);
  const lines = [`## Themes by ${escapeInline(field)}`, ''];
  lines.push(`| Theme | ${table.values.map(escapeCell).join(' | ')} | All |`);
  lines.push(`|---|${table.values.map(() => '---:').join('|')}|---:|`);
  for (const row of table.rows) {
    const label = row.themeId === null ? '*without theme*' : escapeCell(row.label);
    lines.push(`| ${label} | ${row.counts.join(' | ')} | ${row.total} |`);
  }
  lines.push(`| **All** | ${table.totals.join(' | ')} | ${report.notes.length} |`, '');
  return lines;
}

/** Share as a percentage with no decimals, e.g. `12 %`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** Escapes text for a Markdown table cell (pipes, line breaks). */
export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/** Escapes characters that would start Markdown or HTML markup inside running text. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_[\]<>#])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3');
}
