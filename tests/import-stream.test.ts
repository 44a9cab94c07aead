import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../src/import/csv';
import type { NoteRecord } from '../src/types';
import { readNotesFile } from '../src/node/read';
import { streamNotes } from '../src/node/stream';

const dir = fileURLToPath(new URL('./fixtures/import/', import.meta.url));

async function collect(path: string, options = {}): Promise<NoteRecord[]> {
  const notes: NoteRecord[] = [];
  for await (const note of streamNotes(path, options)) notes.push(note);
  return notes;
}

describe('streamNotes', () => {
  it('yields the same notes as readNotesFile for every fixture it can stream', async () => {
    const cases: [string, object][] = [
      ['padlet-posts.csv', {}],
      ['miro-stickies.csv', {}],
      ['notes.tsv', {}],
      ['multiline-bom.csv', {}],
      ['excel-de-windows1252.csv', { encoding: 'windows-1252' }],
      ['unicode-utf16le.tsv', {}],
      ['good.jsonl', {}],
      ['notes.json', {}],
      ['forms-responses.xlsx', {}],
    ];
    for (const [name, options] of cases) {
      const path = join(dir, name);
      expect(await collect(path, options), name).toEqual((await readNotesFile(path, options)).notes);
    }
  });

  it('streams a multi-megabyte CSV across chunk boundaries with the same result as parsing it whole', async () => {
    const rows: string[][] = [['id', 'Beitrag', 'Gruppe']];
    for (let i = 0; i < 40_000; i++) {
      rows.push([String(i), `Notiz ${i}, mit "Zitat" und\nZeilenumbruch ${'ä'.repeat(i % 7)}`, `G${i % 5}`]);
    }
    const path = join(mkdtempSync(join(tmpdir(), 'tf-stream-')), 'big.csv');
    writeFileSync(path, formatCsv(rows, ';'));
    const streamed = await collect(path);
    expect(streamed).toHaveLength(40_000);
    expect(streamed).toEqual((await readNotesFile(path)).notes);
  });

  it('names the broken JSONL line and rejects binary files', async () => {
    await expect(collect(join(dir, 'broken.jsonl'))).rejects.toMatchObject({ code: 'BAD_JSON', details: { line: 3 } });
    await expect(collect(join(dir, 'binary.csv'))).rejects.toMatchObject({ code: 'NOT_TEXT' });
    await expect(collect(join(dir, 'excel-de-windows1252.csv'))).rejects.toMatchObject({ code: 'NOT_TEXT' });
  });
});
