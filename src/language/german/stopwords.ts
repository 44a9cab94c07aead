/**
 * German stopwords: step 3 of the pipeline.
 *
 * The effective list is the German list of the `stopword` package (a copy in
 * `stopword-deu.ts`, so the package is not loaded), minus a
 * few content words it contains that name workshop themes, plus our domain
 * list (abbreviations, template words of workshop boards, leftovers of
 * gender forms, filler words of notes). Every entry we add or take away has
 * a one-line reason here.
 *
 * @module
 */

import { STOPWORD_PACKAGE_DEU } from './stopword-deu';
import { GERMAN_ABBREVIATIONS } from './tokenize';

/** A word with the reason it is on (or off) a list. */
export type ReasonedWord = readonly [word: string, reason: string];

/**
 * Words of the `stopword` German list that we keep as content words: they
 * name themes of education and participation workshops.
 */
export const GERMAN_CONTENT_WORDS: readonly ReasonedWord[] = [
  ['zeit', 'time as a resource is a workshop theme ("mehr Zeit", "spart Zeit" in the corpus)'],
  ['mensch', 'people / target groups are a theme ("der Mensch im Mittelpunkt")'],
  ['menschen', 'people / target groups are a theme ("Menschen, die …" in the corpus)'],
  ['wissen', 'knowledge and its transfer ("Wissen teilen") is a theme'],
  ['mittel', 'funding ("Mittel", "finanzielle Mittel") is a recurring theme'],
  ['recht', 'rights and law ("Recht auf Bildung") are a theme'],
  ['ordnung', 'regulation ("Ordnung", "Förderordnung") can be a theme'],
  ['gott', 'religion is a theme, not filler'],
  ['mann', 'gender is a theme, not filler'],
  ['offen', 'openness ("offen, kommunikativ", offene Angebote) is a theme in the corpus'],
];

/** Our additions to the package list, each with the reason. */
export const GERMAN_DOMAIN_STOPWORDS: readonly ReasonedWord[] = [
  // Abbreviations the tokenizer emits as one token (norm with dots).
  ...GERMAN_ABBREVIATIONS.map((a): ReasonedWord => [a.norm, `abbreviation of "${a.expansion}"`]),
  // The same abbreviations written without dots.
  ['zb', 'abbreviation "zB" of "zum Beispiel" written without dots'],
  ['bzw', 'abbreviation of "beziehungsweise" written without dot'],
  ['usw', 'abbreviation of "und so weiter" written without dot'],
  ['ua', 'abbreviation "ua" of "unter anderem" written without dots'],
  ['dh', 'abbreviation "dh" of "das heißt" written without dots'],
  ['ggf', 'abbreviation of "gegebenenfalls" written without dot'],
  ['ggfs', 'abbreviation of "gegebenenfalls" written without dot'],
  ['evtl', 'abbreviation of "eventuell" written without dot'],
  ['etc', 'abbreviation of "et cetera" written without dot'],
  ['ca', 'abbreviation of "circa" written without dot'],
  ['insb', 'abbreviation of "insbesondere" written without dot'],
  ['inkl', 'abbreviation of "inklusive" written without dot'],
  ['vgl', 'abbreviation of "vergleiche" written without dot'],
  ['bspw', 'abbreviation of "beispielsweise" written without dot'],
  ['bzgl', 'abbreviation of "bezüglich" written without dot'],
  ['uvm', 'abbreviation of "und vieles mehr" written without dots'],
  ['tn', 'abbreviation of "Teilnehmende", on nearly every workshop card'],
  // Template words of workshop boards: column headers, section labels, method names.
  ['stärken', 'SWOT column header "Stärken" on workshop boards'],
  ['stärke', 'singular of the SWOT header "Stärken"'],
  ['schwächen', 'SWOT column header "Schwächen" on workshop boards'],
  ['schwäche', 'singular of the SWOT header "Schwächen"'],
  ['chancen', 'SWOT column header "Chancen"'],
  ['risiken', 'SWOT column header "Risiken"'],
  ['handlungsoptionen', 'column header "Handlungsoptionen" of the working-group boards'],
  ['handlungsoption', 'singular of the header "Handlungsoptionen"'],
  ['gruppe', 'group label ("Gruppe 1") on boards'],
  ['gruppen', 'plural of the group label'],
  ['thema', 'section label ("Thema:") on boards'],
  ['themen', 'plural of the section label'],
  ['probleme', 'column header of the journaling template (Probleme / Veränderungen / Lösungen)'],
  ['problem', 'singular of the journaling header "Probleme"'],
  ['lösungen', 'column header of the journaling template (Probleme / Veränderungen / Lösungen)'],
  ['lösung', 'singular of the journaling header "Lösungen"'],
  ['utopie', 'scenario template header "Utopie"'],
  ['utopien', 'plural of the scenario header'],
  ['dystopie', 'scenario template header "Dystopie"'],
  ['dystopien', 'plural of the scenario header'],
  ['szenario', 'scenario template label'],
  ['szenarien', 'plural of the scenario template label'],
  ['check-in', 'agenda item "Check-in" of workshops'],
  ['check-out', 'agenda item "Check-out" of workshops'],
  ['checkin', 'agenda item "Check-in" written as one word'],
  ['checkout', 'agenda item "Check-out" written as one word'],
  ['journaling', 'method name used as a board header'],
  ['ideen', 'header "Ideen" on boards; as content too generic to name a theme'],
  ['idee', 'singular of the header "Ideen"'],
  ['sonstiges', 'catch-all column header "Sonstiges"'],
  ['notizen', 'section header "Notizen"'],
  // Leftovers of gender forms written apart from their word.
  ['innen', 'leftover of a split gender form ("Akteur innen", ": innen")'],
  // Filler words common in notes that the package list lacks.
  ['könnten', 'modal verb; the package list has "könnte" but not this form'],
  ['wären', 'auxiliary; the package list has "wäre" but not this form'],
  ['müsste', 'modal verb, filler in proposals'],
  ['müssten', 'modal verb, filler in proposals'],
  ['braucht', 'filler in proposals ("Schule braucht …")'],
  ['brauchen', 'filler in proposals ("wir brauchen …")'],
  ['geben', 'filler verb ("es soll … geben")'],
  ['gegeben', 'filler verb ("ist gegeben")'],
  ['neu', 'generic adjective; the package list has "neue", "neuen" but not the stem form'],
  ['neues', 'generic adjective, inflection of "neu"'],
  ['neuer', 'generic adjective, inflection of "neu"'],
  ['neuem', 'generic adjective, inflection of "neu"'],
  ['gerne', 'filler adverb ("gerne zusammen")'],
  ['einfach', 'filler adverb ("einfach mal machen")'],
  ['eher', 'filler adverb'],
  ['halt', 'filler particle'],
  ['sowas', 'filler pronoun'],
  ['jeweils', 'filler adverb'],
  ['insgesamt', 'filler adverb'],
  ['hinaus', 'filler particle ("darüber hinaus")'],
  ['somit', 'conjunctive adverb'],
  ['sodass', 'conjunction'],
  ['wobei', 'conjunction'],
];

/** Entries of the package list that are not clean words ("ei, ", "und?") are cleaned to their letters. */
function cleanPackageWord(word: string): string {
  return normalizeWord(word).replace(/[^\p{L}\p{M}\p{N}.'-]+/gu, '');
}

/** Lowercase, NFC, trimmed: the form stopwords are compared in. */
function normalizeWord(word: string): string {
  return word.normalize('NFC').trim().toLowerCase().normalize('NFC');
}

/** The German list of the `stopword` package as we read it (lowercase NFC, junk characters removed). */
export const STOPWORD_PACKAGE_GERMAN: ReadonlySet<string> = new Set(
  STOPWORD_PACKAGE_DEU.map(cleanPackageWord).filter((w) => w !== ''),
);

const CONTENT = new Set(GERMAN_CONTENT_WORDS.map(([w]) => w));

/**
 * The effective German stopword list: the `stopword` package's German list
 * without {@link GERMAN_CONTENT_WORDS}, plus {@link GERMAN_DOMAIN_STOPWORDS}.
 */
export const GERMAN_STOPWORDS: ReadonlySet<string> = new Set([
  ...[...STOPWORD_PACKAGE_GERMAN].filter((w) => !CONTENT.has(w)),
  ...GERMAN_DOMAIN_STOPWORDS.map(([w]) => w),
]);

/** Words to add to and remove from a stopword list. */
export interface StopwordChanges {
  /** Words to treat as stopwords as well. */
  add?: readonly string[];
  /** Words to keep as content words even though the list has them; applied after `add`. */
  remove?: readonly string[];
}

/**
 * Builds a stopword set from a base list and the user's changes. The user's
 * words are trimmed, lowercased and NFC-normalised, so they compare with
 * token norms (`"Zeit"` removes `zeit`); empty words are ignored. A word in
 * both `add` and `remove` ends up removed. The base set is not changed.
 *
 * @param base - The language's list, e.g. {@link GERMAN_STOPWORDS}.
 * @param options - Words to add and to remove.
 * @returns A new set.
 *
 * @example
 * ```ts
 * const stop = buildStopwords(GERMAN_STOPWORDS, { add: ['Kommune'], remove: ['Thema'] });
 * stop.has('kommune'); // true
 * stop.has('thema'); // false
 * ```
 */
export function buildStopwords(base: ReadonlySet<string>, options: StopwordChanges = {}): ReadonlySet<string> {
  const out = new Set(base);
  for (const word of options.add ?? []) {
    const w = normalizeWord(word);
    if (w !== '') out.add(w);
  }
  for (const word of options.remove ?? []) out.delete(normalizeWord(word));
  return out;
}
