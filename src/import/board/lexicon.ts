/**
 * Word lists for board import: German function words that cannot end a
 * note, abbreviations whose full stop does not end a sentence, and the
 * organisers' column labels.
 */

/** Articles, prepositions, conjunctions, pronouns and auxiliaries: a line ending in one of these goes on. */
export const CONTINUING_WORDS: ReadonlySet<string> = new Set(
  (
    // articles and determiners
    'der die das den dem des ein eine einer einen einem eines kein keine keiner keinen keinem ' +
    'mein meine dein deine sein seine ihr ihre ihrer ihren ihrem unser unsere euer eure ' +
    'dieser diese dieses diesen diesem jeder jede jedes jeden jedem alle allen aller welche welcher ' +
    // prepositions
    'an am auf aus bei beim bis durch für gegen hinter in im ins mit nach neben ohne seit statt ' +
    'über um unter von vom vor während wegen zu zum zur zwischen innerhalb außerhalb trotz dank laut ' +
    // conjunctions and particles
    'und oder sowie bzw sondern aber denn doch dass ob weil wenn wie als sowohl weder noch ' +
    'damit sodass obwohl falls indem zu versus vs ' +
    // English glue words (film titles, loanwords)
    'the a an of and or to for with in on at by from'
  ).split(' '),
);

/** Particles and adverbs that rarely end a note. */
export const PARTICLES: ReadonlySet<string> = new Set('auch sehr noch viel wenig oft nur so eher ganz schon bereits besonders'.split(' '));

/** Auxiliaries and modals: they go on after a subject, and end a verb-final clause after a participle. */
export const AUXILIARIES: ReadonlySet<string> = new Set(
  (
    'ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können konnte konnten ' +
    'muss müssen musste mussten soll sollen sollte sollten darf dürfen will wollen gibt geht'
  ).split(' '),
);

/** Abbreviations whose trailing full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'z.b. z. b. d.h. u.a. u.u. usw. etc. bzw. ggf. evtl. insb. bspw. vs. u. o. ca. vgl. inkl. sog. s. o. v.a. dr. prof. nr. str.'.split(' '),
);

/**
 * Column labels organisers put over the columns of a board (compared in
 * lower case). A line made only of these (and years) is a column heading.
 */
export const COLUMN_LABELS: ReadonlySet<string> = new Set(
  (
    'stärken schwächen chancen risiken handlungsoptionen handlungsfelder probleme lösungen ' +
    'veränderungen überraschungen utopie dystopie vorteile nachteile pro contra kontra ' +
    'wünsche sorgen befürchtungen erwartungen hoffnungen ideen fragen maßnahmen ' +
    'ist-stand soll-stand heute morgen gestern'
  ).split(' '),
);

/** One-word page and agenda titles of workshop documentation. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  'check-in check-out checkin checkout agenda fazit reflexion impressionen impressum ergebnisse zusammenfassung pause begrüßung'.split(
    ' ',
  ),
);
