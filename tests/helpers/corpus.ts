import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in the repository. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** The bundled corpus, raw. */
export function corpusText(): string {
  return readFileSync(repoPath('corpus/zukunftscamp-2021.txt'), 'utf8');
}

/** Path of the shared data folder (../shared/data beside the repo, or $THEMENFINDER_SHARED/data). */
export function sharedPath(relative: string): string {
  const base = process.env.THEMENFINDER_SHARED ?? repoPath('../shared');
  return `${base.replace(/\/$/, '')}/${relative}`;
}
