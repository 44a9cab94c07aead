/**
 * Which language pack a run uses. German is built in; English lives in the
 * `themenfinder/english` entry so German users do not load its model.
 */
import { ThemenfinderError } from '../errors';
import { german } from './german';
import type { LanguagePack } from './types';

/**
 * Resolves the `language` option to a pack.
 *
 * @param language - `'de'`, `'en'` or a pack.
 * @returns The pack.
 * @throws ThemenfinderError `BAD_OPTION` for `'en'`, naming the entry point that provides English.
 *
 * @example
 * ```ts
 * resolveLanguage('de').code; // 'de'
 * ```
 */
export function resolveLanguage(language: 'de' | 'en' | LanguagePack): LanguagePack {
  if (typeof language === 'object') return language;
  if (language === 'de') return german;
  throw new ThemenfinderError(
    'BAD_OPTION',
    `Option "language": English needs the English model. Use \`import { analyze } from 'themenfinder/english'\` (or pass \`language: english\` from that entry); the CLI loads it for --lang en.`,
    { option: 'language', value: language },
  );
}
