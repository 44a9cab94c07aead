import { describe, expect, it } from 'vitest';
import { ThemenfinderError } from '../src/errors';
import { parseCsv } from '../src/import/csv';
import { parseJson, parseJsonl } from '../src/import/json';
import { recordsFromTable, tableToNotes } from '../src/import/records';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ThemenfinderError);
    return (error as ThemenfinderError).code;
  }
  return undefined;
}

describe('recordsFromTable', () => {
  it('finds the text column by name, the id column, and keeps the rest as metadata', () => {
    const notes = recordsFromTable(parseCsv('Nr;Gruppe;BEITRAG\n1;A;Mehr Zeit\n;B;Weniger Papier\n'));
    expect(notes).toEqual([
      { id: '1', text: 'Mehr Zeit', Gruppe: 'A' },
      { text: 'Weniger Papier', Gruppe: 'B' },
    ]);
    expect(notes[1]?.id).toBeUndefined();
  });

  it('prefers Body over Subject (Padlet) and takes a given column by name or number', () => {
    const table = parseCsv('Subject,Body,Author\nTitel,Inhalt der Karte,Anna\n');
    expect(recordsFromTable(table)[0]).toEqual({ text: 'Inhalt der Karte', Subject: 'Titel', Author: 'Anna' });
    expect(recordsFromTable(table, { textColumn: 'subject' })[0]?.text).toBe('Titel');
    expect(recordsFromTable(table, { textColumn: '3' })[0]?.text).toBe('Anna');
  });

  it('uses the only free-text column of a form export, with a warning', () => {
    const table = parseCsv(
      'ID,Start time,Completion time,Email,Name,Rolle,Was sollte sich ändern?\n' +
        '1,3/12/21 9:14,3/12/21 9:16,anonymous,,Lehrkraft,Mehr Zeit für Projekte und Lernen\n' +
        '2,3/12/21 9:20,3/12/21 9:24,anonymous,,Eltern,WLAN in allen Räumen bitte\n',
    );
    const result = tableToNotes(table);
    expect(result.textColumn).toBe('Was sollte sich ändern?');
    expect(result.notes[0]).toMatchObject({ id: '1', text: 'Mehr Zeit für Projekte und Lernen', Rolle: 'Lehrkraft' });
    expect(result.warnings[0]).toMatch(/Was sollte sich ändern\?/);
  });

  it('throws NO_TEXT_COLUMN naming the columns and --text-column', () => {
    const table = parseCsv('Wer,Wann\nAnna,heute\nBen,morgen\n', { header: true });
    expect(codeOf(() => recordsFromTable(table))).toBe('NO_TEXT_COLUMN');
    expect(() => recordsFromTable(table)).toThrow(/"Wer", "Wann".*--text-column/);
    expect(() => recordsFromTable(table, { textColumn: 'Inhalt' })).toThrow(/"Inhalt" is not in the table/);
  });

  it('keeps metadata keys safe and unique: no prototype writes, no clobbered text or id', () => {
    const table = parseCsv('text,__proto__,constructor,Gruppe,Gruppe,id,\nhallo,x,y,A,B,7,z\n', { header: true });
    const [note] = recordsFromTable(table);
    expect(Object.getPrototypeOf(note)).toBe(Object.prototype);
    expect(note).toEqual({ text: 'hallo', id: '7', __proto___: 'x', constructor_: 'y', Gruppe: 'A', Gruppe_2: 'B', column7: 'z' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('keeps rows with an empty text (never lose a note) but drops all-empty rows', () => {
    const notes = recordsFromTable(parseCsv('text;gruppe\n;A\n;\nb;B\n'));
    expect(notes).toEqual([
      { text: '', gruppe: 'A' },
      { text: 'b', gruppe: 'B' },
    ]);
  });
});

describe('parseJson', () => {
  it('reads an array of strings and objects, and an object with a notes array', () => {
    expect(parseJson('["a", {"id": 2, "text": "b", "g": 1}]')).toEqual([{ text: 'a' }, { id: '2', text: 'b', g: 1 }]);
    expect(parseJson('{"notes": [{"Inhalt": "c"}]}')).toEqual([{ text: 'c' }]);
    expect(parseJson('[{"msg": "d"}]', { textField: 'msg' })).toEqual([{ text: 'd' }]);
  });

  it('names the bad note and the way out', () => {
    expect(codeOf(() => parseJson('[{"msg": "d"}]'))).toBe('BAD_NOTE');
    expect(() => parseJson('[{"msg": "d"}]')).toThrow(/note 1 has no text field.*--text-field/);
    expect(() => parseJson('["a", null]')).toThrow(/note 2 is null/);
    expect(codeOf(() => parseJson('{"items": []}'))).toBe('BAD_JSON');
    expect(codeOf(() => parseJson('[1,\n2,,]'))).toBe('BAD_JSON');
  });

  it('cannot pollute prototypes through __proto__, constructor or prototype keys', () => {
    const notes = parseJson(
      '[{"text": "x", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "prototype": 2}]',
    );
    const note = notes[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(note)).toBe(Object.prototype);
    expect(note.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(note)).toEqual(['text', '__proto___', 'constructor_', 'prototype_']);
    // Spreading or assigning the note elsewhere stays safe too.
    expect(({ ...note } as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.assign({}, note).polluted).toBeUndefined();
  });
});

describe('parseJsonl', () => {
  it('reads one string or object per line and skips blank lines', () => {
    expect(parseJsonl('{"text": "a"}\r\n\n"b"\n')).toEqual([{ text: 'a' }, { text: 'b' }]);
  });

  it('names the line number of a broken line', () => {
    expect(codeOf(() => parseJsonl('"a"\n\n{"text": }\n'))).toBe('BAD_JSON');
    expect(() => parseJsonl('"a"\n\n{"text": }\n')).toThrow(/^Line 3 /);
  });
});
