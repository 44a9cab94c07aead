/**
 * English stopwords: the `stopword` package's English list, the stop words
 * of the wink English model, and a short domain list; norms are lemmas, so
 * the lists hold base forms ("be", "have").
 *
 * @module
 */

import { eng } from 'stopword';
import type { ReasonedWord } from '../german/stopwords';

/**
 * The words wink-eng-lite-web-model 1.8.1 flags with `its.stopWordFlag`
 * (299 words, the spaCy English list), read out of its lexicon once and kept
 * here so the set exists without loading the model. A test checks it
 * against the model.
 */
export const WINK_ENGLISH_STOPWORDS: readonly string[] = [
  'a about above across after afterwards again against all almost alone along already also',
  'although always am among amongst amount an and another any anyhow anyone anything anyway',
  'anywhere are around as at back be became because become becomes becoming been before',
  'beforehand behind being below beside besides between beyond both bottom but by call can',
  'could did do does doing done down due during each eight either eleven else elsewhere empty',
  'enough etc even ever every everyone everywhere except few fifteen fifty first five for',
  'former formerly forty four from front full further get give go had has have he hence her',
  'here hereafter hereby herein hereupon hers herself him himself his how however hundred i',
  'ie if in inc indeed into is it its itself just keep last latter latterly least less made',
  'make many may me meanwhile might mine more moreover most mostly move much must my myself',
  'name namely neither never nevertheless next nine no nobody none nor not nothing now',
  'nowhere of off often on once one only onto or other otherwise our ours ourselves out over',
  'own part per perhaps please put quite rather re really regarding same say see seem seemed',
  'seeming seems serious seven several she should show side since six sixty so some somehow',
  'someone something sometime sometimes somewhere still such take ten than that the their',
  'them themselves then thence there thereafter thereby therefore therein these they third',
  'this those though three throughout thru thus to together too top toward towards twelve',
  'twenty two under unless until up upon us used using various very via was we well were what',
  'whatever when whence whenever where whereas whereby wherein wherever whether which while',
  'who whoever whole whom whose why will with within without would yet you your yours',
  'yourself yourselves',
]
  .join(' ')
  .split(' ');

/** Words of the wink list that we keep as content words. */
export const ENGLISH_CONTENT_WORDS: readonly ReasonedWord[] = [
  ['bottom', 'noun that can name a topic ("bottom-up")'],
  ['front', 'noun that can name a topic ("front office")'],
  ['side', 'noun that can name a topic ("demand side")'],
  ['name', 'noun that can name a topic ("naming", "names")'],
  ['part', 'noun that can name a topic ("partnership" stays apart, "part-time")'],
  ['amount', 'noun that can name a topic ("amount of funding")'],
  ['empty', 'adjective that can name a topic ("empty rooms")'],
  ['full', 'adjective that can name a topic ("full-time")'],
  ['serious', 'adjective that can name a topic ("serious games")'],
];

/** Our additions, each with the reason. */
export const ENGLISH_DOMAIN_STOPWORDS: readonly ReasonedWord[] = [
  ['e.g.', 'abbreviation of "for example"'],
  ['eg', 'abbreviation of "for example" without dots'],
  ['i.e.', 'abbreviation of "that is"'],
  ['etc.', 'abbreviation of "et cetera"'],
  ['vs.', 'abbreviation of "versus"'],
  ['vs', 'abbreviation of "versus" without dot'],
  ['strength', 'SWOT column header "Strengths" (lemma)'],
  ['weakness', 'SWOT column header "Weaknesses" (lemma)'],
  ['opportunity', 'SWOT column header "Opportunities" (lemma)'],
  ['threat', 'SWOT column header "Threats" (lemma)'],
  ['group', 'group label ("Group 1") on boards'],
  ['topic', 'section label ("Topic:") on boards'],
  ['theme', 'section label ("Theme:") on boards'],
  ['idea', 'header "Ideas" on boards; too generic to name a theme'],
  ['check-in', 'agenda item of workshops'],
  ['check-out', 'agenda item of workshops'],
  ['need', 'filler verb in proposals ("we need …")'],
  ['lot', 'filler ("a lot of")'],
];

const CONTENT = new Set(ENGLISH_CONTENT_WORDS.map(([w]) => w));

/**
 * The effective English stopword list: `stopword`'s English list and
 * {@link WINK_ENGLISH_STOPWORDS} without {@link ENGLISH_CONTENT_WORDS}, plus
 * {@link ENGLISH_DOMAIN_STOPWORDS}. All lowercase.
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  ...[...eng, ...WINK_ENGLISH_STOPWORDS].map((w) => w.toLowerCase().normalize('NFC')).filter((w) => !CONTENT.has(w)),
  ...ENGLISH_DOMAIN_STOPWORDS.map(([w]) => w),
]);
