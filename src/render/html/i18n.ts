/** Labels of the HTML report in German and English. */

/** Locales of the HTML report. */
export type Locale = 'de' | 'en';

/** Every text of the HTML report that is not data. */
export interface Labels {
  title: string;
  summary: (notes: number, themes: number, unassigned: number) => string;
  themeSizes: string;
  themeSizesNote: string;
  keywords: string;
  keywordsColumn: string;
  keywordsNote: string;
  heatmap: (field: string) => string;
  heatmapNote: string;
  map: string;
  mapNote: (hidden: number) => string;
  notesByTheme: string;
  filterLabel: string;
  filterPlaceholder: string;
  filterCount: (shown: number, total: number) => string;
  noMatch: string;
  withoutTheme: string;
  reasonNoTerms: string;
  reasonOutlier: string;
  notes: string;
  share: string;
  theme: string;
  score: string;
  terms: string;
  representative: string;
  parameters: string;
  parametersNote: string;
  warnings: string;
  version: string;
  generated: string;
  missingValue: string;
  contents: string;
  overview: string;
}

const de: Labels = {
  title: 'Themen',
  summary: (notes, themes, unassigned) =>
    `${notes} Notizen, ${themes} Themen, ${unassigned} ohne Thema.`,
  themeSizes: 'Größe der Themen',
  themeSizesNote: 'Anzahl der Notizen je Thema.',
  keywords: 'Schlüsselwörter je Thema',
  keywordsColumn: 'Schlüsselwörter',
  keywordsNote: 'Balkenlänge: Gewicht des Wortes im Thema (klassenbasiertes TF-IDF), relativ zum stärksten Wort.',
  heatmap: (field) => `Themen nach „${field}“`,
  heatmapNote: 'Anzahl der Notizen je Thema und Wert; dunkler heißt mehr.',
  map: 'Karte der Notizen',
  mapNote: (hidden) =>
    `Jeder Punkt ist eine Notiz, gefärbt nach Thema. Themen liegen auf einem Kreis; die typischsten Notizen eines Themas bilden die Mitte seiner Scheibe; eine Notiz mit Schlüsselwörtern mehrerer Themen rückt zwischen diese Themen.${hidden > 0 ? ` ${hidden} Notizen ohne Thema sind nicht eingezeichnet.` : ''}`,
  notesByTheme: 'Alle Notizen nach Thema',
  filterLabel: 'Notizen filtern',
  filterPlaceholder: 'Wort, Thema oder Metadaten …',
  filterCount: (shown, total) => `${shown} von ${total} Notizen`,
  noMatch: 'Keine Notiz passt zum Filter.',
  withoutTheme: 'Ohne Thema',
  reasonNoTerms: 'keine Inhaltswörter',
  reasonOutlier: 'Ausreißer',
  notes: 'Notizen',
  share: 'Anteil',
  theme: 'Thema',
  score: 'Nähe',
  terms: 'Begriffe',
  representative: 'typisch',
  parameters: 'Parameter',
  parametersNote: 'Mit diesen Einstellungen und derselben Version entsteht derselbe Bericht.',
  warnings: 'Hinweise',
  version: 'Version',
  generated: 'Erstellt mit themenfinder',
  missingValue: '(ohne Angabe)',
  contents: 'Inhalt',
  overview: 'Überblick',
};

const en: Labels = {
  title: 'Themes',
  summary: (notes, themes, unassigned) => `${notes} notes, ${themes} themes, ${unassigned} without theme.`,
  themeSizes: 'Theme sizes',
  themeSizesNote: 'Number of notes per theme.',
  keywords: 'Keywords per theme',
  keywordsColumn: 'Keywords',
  keywordsNote: "Bar length: the word's weight in the theme (class-based TF-IDF), relative to the strongest word.",
  heatmap: (field) => `Themes by “${field}”`,
  heatmapNote: 'Number of notes per theme and value; darker means more.',
  map: 'Map of the notes',
  mapNote: (hidden) =>
    `Each dot is a note, coloured by theme. Themes sit on a circle; the most typical notes of a theme form the middle of its disc; a note with keywords of several themes moves between them.${hidden > 0 ? ` ${hidden} notes without theme are not drawn.` : ''}`,
  notesByTheme: 'All notes by theme',
  filterLabel: 'Filter notes',
  filterPlaceholder: 'word, theme or metadata …',
  filterCount: (shown, total) => `${shown} of ${total} notes`,
  noMatch: 'No note matches the filter.',
  withoutTheme: 'Without theme',
  reasonNoTerms: 'no content words',
  reasonOutlier: 'outlier',
  notes: 'notes',
  share: 'share',
  theme: 'Theme',
  score: 'similarity',
  terms: 'terms',
  representative: 'typical',
  parameters: 'Parameters',
  parametersNote: 'These settings and the same version give the same report.',
  warnings: 'Warnings',
  version: 'Version',
  generated: 'Made with themenfinder',
  missingValue: '(not given)',
  contents: 'Contents',
  overview: 'Overview',
};

/**
 * The labels of a locale.
 *
 * @example
 * ```ts
 * labelsFor('de').notesByTheme; // 'Alle Notizen nach Thema'
 * ```
 */
export function labelsFor(locale: Locale): Labels {
  return locale === 'de' ? de : en;
}

/**
 * Formats a number for the locale (decimal comma in German).
 *
 * @example
 * ```ts
 * formatNumber(0.25, 'de', 2); // '0,25'
 * ```
 */
export function formatNumber(value: number, locale: Locale, digits = 0): string {
  const text = value.toFixed(digits);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/**
 * Formats a share (0..1) as a whole percentage.
 *
 * @example
 * ```ts
 * formatPercent(0.277, 'en'); // '28 %'
 * ```
 */
export function formatPercent(share: number, locale: Locale): string {
  return `${formatNumber(share * 100, locale, 0)}\u00a0%`;
}
