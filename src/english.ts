/**
 * `themenfinder/english`: English notes, with wink-nlp and its English
 * model for tokens and lemmas. A separate entry point so that German users
 * do not load the model.
 *
 * @packageDocumentation
 */
import { analyze as analyzeCore } from './analyze';
import { english } from './language/english';
import type { AnalyzeOptions, NoteInput, ThemeReport } from './types';

export { english };
export { ENGLISH_STOPWORDS } from './language/english/stopwords';
export { tokenizeEnglish } from './language/english/tokenize';

/**
 * {@link analyzeCore | analyze} that also understands `language: 'en'`
 * (the default stays German).
 *
 * @example
 * ```ts
 * import { analyze } from 'themenfinder/english';
 * const report = analyze(['Better broadband for schools', 'More teacher training'], { language: 'en' });
 * ```
 */
export function analyze(notes: readonly NoteInput[], options: AnalyzeOptions = {}): ThemeReport {
  return analyzeCore(notes, options.language === 'en' ? { ...options, language: english } : options);
}
