/**
 * themenfinder: turn workshop notes into themes.
 *
 * The core entry point. It runs anywhere (Node, browsers, Deno, bundlers)
 * and imports no Node built-ins. English lives in `themenfinder/english`,
 * file reading in `themenfinder/node`.
 *
 * @packageDocumentation
 */
export { analyze } from './analyze';
export { type EditOptions, mergeThemes, renameTheme, splitTheme } from './edit';
export { type ErrorCode, type ErrorDetails, ThemenfinderError } from './errors';
export { loadThemes } from './guided/validate';
export { type BoardUnit, type ParseBoardOptions, parseBoard } from './import/board';
export { type Crosstab, type CrosstabRow, crosstab, withCrosstabs } from './crosstab';
export { TEXT_COLUMN_NAMES } from './import/columns';
export {
  type CsvDelimiter,
  type CsvOptions,
  CsvParser,
  type CsvTable,
  formatCsv,
  parseCsv,
  sniffDelimiter,
  sniffHeader,
} from './import/csv';
export { formatFromFileName, type InputFormat, sniffTextFormat } from './import/detect';
export { type JsonNoteOptions, parseJson, parseJsonl } from './import/json';
export { recordsFromTable, type TableRecordOptions, tableToNotes } from './import/records';
export { german } from './language/german';
export { type CistemOptions, cistem } from './language/german/cistem';
export { snowballGerman } from './language/german/snowball';
export { GERMAN_STEMMERS, stemGerman } from './language/german/stem';
export { buildStopwords, GERMAN_STOPWORDS } from './language/german/stopwords';
export { GERMAN_ABBREVIATIONS, tokenizeGerman } from './language/german/tokenize';
export type { GermanStemmer, LanguagePack, Token } from './language/types';
export { foldCompatibility, joinLines, normalizeText } from './normalize';
export { getPreset, presetNames } from './presets';
export { type Displayable, displayable, JUPYTER_DISPLAY, type MimeBundle } from './display';
export { type CsvRenderOptions, csvCell, renderCsv } from './render/csv';
export { HTML_CSP, type HtmlOptions, renderHtml } from './render/html';
export { type MarkdownOptions, renderMarkdown } from './render/markdown';
export { renderXlsx, type XlsxOptions } from './render/xlsx';
export { type KeywordRow, type NoteRow, type ReportRows, toRows } from './rows';
export type {
  AnalyzeOptions,
  GuidedTheme,
  Keyword,
  NoteInput,
  NoteRecord,
  ReportMeta,
  ReportNote,
  Theme,
  ThemeReport,
} from './types';
export { VERSION } from './version';
