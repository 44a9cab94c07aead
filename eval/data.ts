/**
 * Loaders of the labelled evaluation sets in ../shared/data (or
 * $THEMENFINDER_SHARED/data): 10kGNAD test (`;`-separated, `'`-quoted) and
 * SIB-200 German (JSON lines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A labelled text. */
export interface Labelled {
  text: string;
  label: string;
}

/** Absolute path inside the shared data folder. */
export function sharedData(relative: string): string {
  const base = process.env.THEMENFINDER_SHARED ?? fileURLToPath(new URL('../../shared', import.meta.url));
  return `${base.replace(/\/$/, '')}/data/${relative}`;
}

/** Whether the shared data is there. */
export function hasSharedData(): boolean {
  return existsSync(sharedData('10kgnad/test.csv')) && existsSync(sharedData('sib200-de/all.jsonl'));
}

/**
 * Parses CSV text with a given delimiter and quote character (quotes doubled
 * inside quoted fields), CRLF or LF line ends.
 *
 * @example
 * ```ts
 * parseDelimited("a;'b;''c'''\r\n", ';', "'"); // [['a', "b;'c'"]]
 * ```
 */
export function parseDelimited(text: string, delimiter: string, quote: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          field += quote;
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === quote && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Cuts a text to its first `n` code points (as Python's `t[:n]`); 0 keeps it whole. */
export function firstChars(text: string, n: number): string {
  if (n <= 0) return text;
  return Array.from(text).slice(0, n).join('');
}

/** 10kGNAD test split, optionally cut to the first `chars` characters. */
export function load10kGnad(chars = 0): Labelled[] {
  const rows = parseDelimited(readFileSync(sharedData('10kgnad/test.csv'), 'utf8'), ';', "'");
  return rows.map((r) => {
    if (r.length !== 2) throw new Error(`10kGNAD row with ${r.length} fields`);
    return { label: r[0]!, text: firstChars(r[1]!, chars) };
  });
}

/** SIB-200 German, all 1,004 sentences. */
export function loadSib200(): Labelled[] {
  return readFileSync(sharedData('sib200-de/all.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as { text: string; label: string };
      return { text: o.text, label: o.label };
    });
}
