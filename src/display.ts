/**
 * Rich display in Jupyter notebooks (Deno kernel and other kernels that
 * honour `Symbol.for('Jupyter.display')`): the report shows as its HTML
 * summary, with Markdown and JSON as alternatives.
 */
import { type HtmlOptions, renderHtml } from './render/html';
import { renderMarkdown } from './render/markdown';
import type { ThemeReport } from './types';

/** The symbol the Deno Jupyter kernel looks for (`Deno.jupyter.$display`). */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never;

/** A MIME bundle: media type to content. */
export type MimeBundle = Record<string, unknown>;

/** An object a Jupyter kernel renders richly. */
export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle;
  /** The wrapped report. */
  readonly report: ThemeReport;
}

/**
 * Wraps a report so that a notebook cell ending in it renders the HTML
 * report (as a fragment: styles scoped to the report, no full page), with
 * `text/markdown`, `application/json` and `text/plain` alternatives.
 *
 * @param report - A report from `analyze`.
 * @param options - Options of the HTML rendering (locale, title, `by`).
 * @returns An object whose `Symbol.for('Jupyter.display')` method returns the MIME bundle.
 *
 * @example
 * ```ts
 * // In a Deno notebook cell:
 * import { analyze, displayable } from 'npm:themenfinder';
 * displayable(analyze(notes)); // last expression: shows the report
 * ```
 */
export function displayable(report: ThemeReport, options: Omit<HtmlOptions, 'fragment'> = {}): Displayable {
  return {
    report,
    [JUPYTER_DISPLAY]() {
      return {
        'text/html': renderHtml(report, { ...options, fragment: true }),
        'text/markdown': renderMarkdown(report, options.title ? { title: options.title } : {}),
        'application/json': report,
        'text/plain': `ThemeReport: ${report.meta.notes} notes, ${report.themes.length} themes, ${report.meta.unassigned} without theme`,
      };
    },
  };
}
