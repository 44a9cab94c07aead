/**
 * Types for the `stopword` package (it ships none). Only the lists
 * themenfinder uses are declared.
 */
declare module 'stopword' {
  /** German stopwords (621 entries in stopword 3.1.5). */
  export const deu: string[];
  /** English stopwords. */
  export const eng: string[];
}
