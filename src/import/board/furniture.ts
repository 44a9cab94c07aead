/**
 * Recognising the organisers' furniture: group names, column labels,
 * section titles, prompts, banners and the imprint. Line-level tests run
 * before segmentation (they force breaks); unit-level tests run after.
 */

import { COLUMN_LABELS, TITLE_WORDS } from './lexicon';

/** What kind of furniture a heading is. */
export type HeadingRole = 'group' | 'column' | 'section' | 'title' | 'prompt' | 'imprint' | 'subtitle';

/** "Gruppe 1: Daten", "Group 2 - Cities", "AG 3: …", "Tisch 4". */
const GROUP = /^(?:Gruppe|Group|Team|Tisch|Table|Raum|Room|Breakout|AG)\s*\d+\b\s*(?:[:.\-–]\s*\S.*)?$/iu;
/** A two-word W-question: "Was war?", "Wie weiter?". */
const SECTION_QUESTION = /^(?:Was|Wie|Wo|Wer|Warum|Wohin|Wann|Welche[rs]?)\s+\S+\s*\?$/u;
const YEAR = /^(?:19|20)\d\d$/u;
/**
 * A URL or an e-mail address. The address part starts only at the start of a
 * non-space run and its local part holds no "@", so a long run without spaces
 * is scanned once (`\S+@\S+` was quadratic on 1 MB of `a-a-a-…`).
 */
const URL_OR_MAIL = /(?:https?:\/\/|www\.)\S+|(?<!\S)@*[^\s@]+@\S+\.\p{L}{2,}/u;
const DATE = /^\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}$/u;
const IMPRINT_START =
  /^(?:Dokumentation des|Dokumentation der|Impressum\b)|^(?:Kontakt|Herausgeber|Veranstalter|Moderation|Coaching|Fotos|Bildnachweis)\b.*:$/u;

/** Lines this wide (in letters) are banners, not sticky notes. */
export const BANNER_WIDTH = 70;

/** Splits a label line into words: at spaces, slashes and glued camel case ("LösungenVeränderungen"). */
function labelWords(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[\s/]+/u)
    .filter((w) => w !== '');
}

/** True if every word is a capitalised column label or a year: "Stärken Schwächen", "2023 2026". */
export function isColumnLabelText(text: string): boolean {
  const words = labelWords(text);
  return words.length > 0 && words.every((w) => (/^\p{Lu}/u.test(w) && COLUMN_LABELS.has(w.toLowerCase())) || YEAR.test(w));
}

/** The labels of a column heading, one per word ("Handlungs- optionen" joined first). */
export function columnLabels(text: string): string[] {
  return labelWords(text.replace(/(\p{L})- (\p{Ll})/gu, '$1$2'));
}

/**
 * Classifies a single line (or two lines joined at a hyphen) as furniture.
 *
 * @param text - Whitespace-folded text.
 * @param extra - Extra heading patterns from the options.
 * @returns The role, or undefined for ordinary text.
 *
 * @example
 * ```ts
 * lineRole('Gruppe 1: Daten'); // 'group'
 * lineRole('Stärken Schwächen'); // 'column'
 * ```
 */
export function lineRole(text: string, extra: readonly RegExp[] = []): HeadingRole | undefined {
  if (GROUP.test(text)) return 'group';
  if (isColumnLabelText(text)) return 'column';
  if (SECTION_QUESTION.test(text)) return 'section';
  if (TITLE_WORDS.has(text.toLowerCase())) return 'title';
  if (URL_OR_MAIL.test(text) || DATE.test(text) || IMPRINT_START.test(text)) return 'imprint';
  if (extra.some((re) => re.test(text))) return 'title';
  return undefined;
}

const FORMAL_ADDRESS = /\b(?:Sie|Ihr|Ihre|Ihrer|Ihren|Ihrem|Ihnen)\b/u;
const INFORMAL_POSSESSIVE = /\b(?:ihr|ihre|ihrer|ihren|ihrem)\b/u;

/**
 * A prompt the organisers wrote: a question that addresses the participants
 * ("Wie lautet der Titel?", "Was macht ihren … aus?").
 *
 * @example
 * ```ts
 * isPrompt('Wo sehen Sie Stärken in Ihrer Kommune?'); // true
 * ```
 */
export function isPrompt(text: string): boolean {
  if (!text.includes('?')) return false;
  const body = text.replace(/^\S+\s*/u, ''); // a sentence-initial "Sie" is not an address
  return FORMAL_ADDRESS.test(body) || (/^(?:Was|Wie|Wo|Wer|Welche)\b/u.test(text) && INFORMAL_POSSESSIVE.test(text));
}
