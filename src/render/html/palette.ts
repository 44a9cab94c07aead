/** Colours of the themes: distinct, print-safe, readable with white text. */

const PALETTE = [
  '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf',
  '#bcbd22', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd', '#e6550d',
  '#31a354', '#756bb1', '#636363', '#b5cf6b',
];

/** Colour of notes without theme. */
export const UNASSIGNED_COLOUR = '#9e9e9e';

/**
 * The colour of the theme at position `index` (0-based, report order);
 * colours repeat after 20 themes.
 *
 * @example
 * ```ts
 * themeColour(0); // '#1f77b4'
 * ```
 */
export function themeColour(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
