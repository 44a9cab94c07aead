// Types of bench/generate.mjs, for the tests (tests/bench-generate.test.ts).
export interface SyntheticNote {
  id: string;
  text: string;
  label: string;
}
export interface Sentence {
  label: string;
  words: string[];
}
export interface Sources {
  sib: Sentence[];
  gnad: Sentence[];
  camp: string[];
}
export const GENERATOR_VERSION: number;
export const SOURCE_WEIGHTS: Readonly<{ sib: number; gnad: number; camp: number }>;
export const FRAGMENT_MIN: number;
export const FRAGMENT_MAX: number;
export function sharedDataDir(): string;
export function seededInt(seed: number): (n: number) => number;
export function parseGnad(source: string): Array<{ label: string; text: string }>;
export function splitSentences(text: string): string[];
export function loadSources(dataDir?: string, corpusPath?: string): Sources;
export function generateNotes(size: number, seed?: number, sources?: Sources): SyntheticNote[];
export function gnadArticles(dataDir?: string): SyntheticNote[];
export function writeJsonl(path: string, notes: readonly SyntheticNote[]): void;
export function parseSize(text: string): number;
export function sizeName(n: number): string;
export function notesPath(size: number, seed?: number, dir?: string): string;
export function ensureNotesFile(size: number, seed?: number, dir?: string): string;
export function ensureGnadFile(dir?: string): string;
export function ensureDir(dir: string): void;
