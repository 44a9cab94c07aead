import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ThemenfinderError } from '../src/errors';
import { decodeBytes, firstInvalidUtf8 } from '../src/node/encoding';
import { readNotesFile } from '../src/node/read';

const dir = fileURLToPath(new URL('./fixtures/import/', import.meta.url));
const fixture = (name: string) => join(dir, name);

async function errorOf(promise: Promise<unknown>): Promise<ThemenfinderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ThemenfinderError);
    return error as ThemenfinderError;
  }
  throw new Error('expected an error');
}

describe('readNotesFile: real-looking exports', () => {
  it('reads a Padlet-like posts CSV: Body is the text, the rest metadata, multi-line bodies kept', async () => {
    const result = await readNotesFile(fixture('padlet-posts.csv'));
    expect(result.format).toBe('csv');
    expect(result.textColumn).toBe('Body');
    expect(result.notes).toHaveLength(5);
    expect(result.notes[3]).toMatchObject({ text: 'Verwaltung konnte\nauf digital umstellen', Author: 'Anonymous', Section: 'Was war?' });
    expect(result.notes[4]?.text).toBe('Viel digitale Präsenz / neue Angebote, z. B. "Lesung online"');
  });

  it('reads a Miro-like list of sticky notes (one column, no header, stray commas)', async () => {
    const result = await readNotesFile(fixture('miro-stickies.csv'));
    expect(result.notes.map((n) => n.text)).toEqual([
      'Fachtagungen / pädagogische Fortbildungen nicht durchführbar',
      'Kundenkontakt am Fenster',
      'Konferenzsoftware, die alle bedienen können',
      'Rahmenbedingungen schnell ändern und sich darauf einstellen',
      'Online-Arbeit fokussierter: führt schneller zu Lösungen',
      'Weniger Kontakte, mehr selbständiges Arbeiten',
    ]);
  });

  it('reads a Microsoft Forms-like xlsx: the question column is the text, dates as ISO, ids as strings', async () => {
    const result = await readNotesFile(fixture('forms-responses.xlsx'));
    expect(result.format).toBe('xlsx');
    expect(result.textColumn).toBe('Was sollte sich an unserer Schule in den nächsten fünf Jahren ändern?');
    expect(result.notes).toHaveLength(4);
    expect(result.notes[0]).toMatchObject({
      id: '1',
      text: 'Mehr Zeit für Projekte und fächerübergreifendes Lernen',
      'Start time': '2021-03-12T09:14:02Z',
      'Welche Rolle haben Sie?': 'Lehrkraft',
    });
    expect(result.notes[3]?.['Start time']).toBe('2021-03-13');
    expect(result.warnings.join(' ')).toMatch(/only column with free text/);
    const bySheet = await readNotesFile(fixture('forms-responses.xlsx'), { sheet: 'Form1', textColumn: 'Welche Rolle haben Sie?' });
    expect(bySheet.notes[1]?.text).toBe('Eltern');
    const missing = await errorOf(readNotesFile(fixture('forms-responses.xlsx'), { sheet: 'Tabelle2' }));
    expect(missing.code).toBe('BAD_OPTION');
  });

  it('rejects a Windows-1252 file as NOT_TEXT naming the file and --encoding, then reads it with the encoding', async () => {
    const bytes = readFileSync(fixture('excel-de-windows1252.csv'));
    expect(bytes.includes(0xe4)).toBe(true); // ä as one byte
    expect(bytes.includes(0x80)).toBe(true); // € as one byte
    const error = await errorOf(readNotesFile(fixture('excel-de-windows1252.csv')));
    expect(error.code).toBe('NOT_TEXT');
    expect(error.message).toMatch(/excel-de-windows1252\.csv.*line 3.*--encoding windows-1252/);
    const result = await readNotesFile(fixture('excel-de-windows1252.csv'), { encoding: 'windows-1252' });
    expect(result.delimiter).toBe(';');
    expect(result.notes.map((n) => n.text)).toEqual([
      'Bibliothek als Lernort wird herbeigesehnt',
      'Weniger Kontakte; mehr selbständiges Arbeiten',
      'Fortbildungen für Lehrkräfte – regelmäßig und „praxisnah“',
      'Budget von 500 € pro Schule für Größeres',
      'Übergänge zwischen Kita und Grundschule gestalten',
    ]);
    expect(result.notes[4]).toMatchObject({ id: '5', Gruppe: 'Gruppe 3: Landkreis II', Stimmen: '4' });
    const latin1 = await readNotesFile(fixture('excel-de-windows1252.csv'), { encoding: 'latin1' });
    expect(latin1.notes).toEqual(result.notes);
  });

  it('reads TSV, a BOM + CRLF + multi-line CSV, and UTF-16 LE with BOM', async () => {
    const tsv = await readNotesFile(fixture('notes.tsv'));
    expect(tsv.notes[1]).toEqual({ id: 'n2', text: 'WLAN in allen Räumen', group: 'Gruppe 1', column: 'Schwächen' });
    const multi = await readNotesFile(fixture('multiline-bom.csv'));
    expect(multi.encoding).toBe('utf-8');
    expect(multi.notes.map((n) => n.id)).toEqual(['1', '2', '3', '4']);
    expect(multi.notes[2]?.text).toBe('Rahmenbedingungen schnell ändern\r\nund sich darauf\r\neinstellen');
    expect(multi.notes[1]?.text).toBe('Kommunikation, "digital" und analog');
    const utf16 = await readNotesFile(fixture('unicode-utf16le.tsv'));
    expect(utf16.encoding).toBe('utf-16le');
    expect(utf16.notes[1]).toEqual({ text: 'Viel Kreativität wurde sichtbar', Gruppe: 'B' });
  });

  it('reads JSON and JSONL, and names the broken JSONL line', async () => {
    const json = await readNotesFile(fixture('notes.json'));
    expect(json.notes).toEqual([
      { text: 'Bibliothek als Lernort' },
      { id: '17', text: 'Mehr Zeit für Projekte', group: 'Gruppe 1', column: 'Utopie' },
      { id: 'a-3', text: 'Angst vor Überwachung', group: 'Gruppe 2', column: 'Dystopie', votes: 4 },
      { text: 'Schulen als Orte der Begegnung', group: 'Gruppe 3' },
    ]);
    const good = await readNotesFile(fixture('good.jsonl'));
    expect(good.notes.map((n) => n.text)).toEqual(['Mehr Zeit für Projekte', 'Nur ein String ist auch eine Notiz', 'WLAN überall']);
    const error = await errorOf(readNotesFile(fixture('broken.jsonl')));
    expect(error.code).toBe('BAD_JSON');
    expect(error.details.line).toBe(3);
    expect(error.message).toMatch(/^Line 3 in .*broken\.jsonl/);
  });

  it('reads the pollution fixture without touching any prototype', async () => {
    const result = await readNotesFile(fixture('pollution.json'));
    expect(result.notes).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    for (const note of result.notes) expect(Object.getPrototypeOf(note)).toBe(Object.prototype);
    expect(Object.keys(result.notes[0] ?? {})).toEqual(['text', '__proto___', 'constructor_', 'prototype_']);
  });

  it('returns .txt as text for the board parser', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tf-import-')), 'board.txt');
    writeFileSync(path, 'Gruppe 1: Daten\n\nMehr Zeit\n');
    const result = await readNotesFile(path);
    expect(result).toMatchObject({ format: 'txt', notes: [], text: 'Gruppe 1: Daten\n\nMehr Zeit\n' });
  });
});

describe('readNotesFile: errors and limits', () => {
  it('NOT_TEXT for a binary file, FILE_NOT_FOUND for a missing one', async () => {
    const binary = await errorOf(readNotesFile(fixture('binary.csv')));
    expect(binary.code).toBe('NOT_TEXT');
    expect(binary.message).toMatch(/binary\.csv/);
    const missing = await errorOf(readNotesFile(fixture('does-not-exist.csv')));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.message).toMatch(/does-not-exist\.csv/);
  });

  it('TOO_LARGE over maxBytes, naming the option', async () => {
    const error = await errorOf(readNotesFile(fixture('padlet-posts.csv'), { maxBytes: 100 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/100 bytes.*--max-bytes/);
  });

  it('EMPTY_INPUT for an empty file; BAD_OPTION for unknown options and bad values', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tf-import-')), 'empty.csv');
    writeFileSync(path, '\uFEFF  \n');
    expect((await errorOf(readNotesFile(path))).code).toBe('EMPTY_INPUT');
    const unknown = await errorOf(readNotesFile(path, { textcolumn: 'x' } as never));
    expect(unknown.code).toBe('BAD_OPTION');
    expect(unknown.message).toMatch(/Did you mean "textColumn"/);
    expect((await errorOf(readNotesFile(path, { encoding: 'utf-16' as never }))).code).toBe('BAD_OPTION');
    expect((await errorOf(readNotesFile(path, { maxBytes: -1 }))).code).toBe('BAD_OPTION');
  });

  it('UNSUPPORTED_FORMAT for .xls and a CSV named .xlsx', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tf-import-'));
    writeFileSync(join(tmp, 'old.xls'), 'x');
    writeFileSync(join(tmp, 'fake.xlsx'), 'text\nMehr Zeit\n');
    expect((await errorOf(readNotesFile(join(tmp, 'old.xls')))).code).toBe('UNSUPPORTED_FORMAT');
    const fake = await errorOf(readNotesFile(join(tmp, 'fake.xlsx')));
    expect(fake.code).toBe('UNSUPPORTED_FORMAT');
    expect(fake.message).toMatch(/--format csv/);
    expect((await readNotesFile(join(tmp, 'fake.xlsx'), { format: 'csv' })).notes).toEqual([{ text: 'Mehr Zeit' }]);
  });
});

describe('decodeBytes', () => {
  it('finds the first invalid UTF-8 byte, rejecting overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Grüße 😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // cut off
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]), true)).toBe(-1);
  });

  it('honours BOMs over the encoding option and detects UTF-16 without BOM', () => {
    const utf8bom = new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa4]);
    expect(decodeBytes(utf8bom, { encoding: 'windows-1252' })).toEqual({ text: 'ä', encoding: 'utf-8', bom: true });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0xe4]);
    expect(decodeBytes(be).text).toBe('ä');
    const noBom = new Uint8Array([...'Mehr Zeit für alle'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeBytes(noBom)).toMatchObject({ text: 'Mehr Zeit für alle', encoding: 'utf-16le' });
  });
});
