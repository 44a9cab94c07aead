import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, formatCsv, parseCsv, sniffDelimiter, sniffHeader } from '../src/import/csv';

describe('parseCsv', () => {
  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const table = parseCsv('Gruppe;Beitrag\r\n1;"Mehr Zeit; weniger ""Papier"""\r\n2;"Zeile eins\r\nZeile zwei"\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['Gruppe', 'Beitrag']);
    expect(table.rows).toEqual([
      ['1', 'Mehr Zeit; weniger "Papier"'],
      ['2', 'Zeile eins\r\nZeile zwei'],
    ]);
    expect(table.rowLines).toEqual([2, 3]);
  });

  it('strips a BOM, accepts LF, CRLF and CR line ends, and skips blank lines', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const table = parseCsv(`\uFEFFtext,gruppe${eol}a,1${eol}${eol}b,2${eol}`);
      expect(table.header).toEqual(['text', 'gruppe']);
      expect(table.rows).toEqual([
        ['a', '1'],
        ['b', '2'],
      ]);
      expect(table.rowLines).toEqual([2, 4]);
    }
  });

  it('handles a missing final line break and an unclosed quote with a warning', () => {
    expect(parseCsv('text\na').rows).toEqual([['a']]);
    const table = parseCsv('text,n\n"offen,1\nweiter', { header: true });
    expect(table.rows).toEqual([['offen,1\nweiter']]);
    expect(table.warnings[0]).toMatch(/line 2.*never closed/);
  });

  it('sniffs comma, semicolon and tab, also when the text holds the other delimiters', () => {
    expect(sniffDelimiter('Name;Beitrag\nAnna;Mehr Zeit, weniger Papier\nBen;Ja, gern\n')).toBe(';');
    expect(sniffDelimiter('Name\tBeitrag\nAnna\tMehr Zeit; weniger Papier, bitte\n')).toBe('\t');
    expect(sniffDelimiter('id,text\n1,"a; b"\n2,"c; d"\n')).toBe(',');
  });

  it('treats a one-column list with stray commas as one column', () => {
    const table = parseCsv('Kundenkontakt am Fenster\nWeniger Kontakte, mehr Arbeit\nKonferenzsoftware\n');
    expect(table.hasHeader).toBe(false);
    expect(table.rows.map((r) => r.length)).toEqual([1, 1, 1]);
  });

  it('sniffs a header by known names, numbers below, or clearly shorter cells', () => {
    expect(sniffHeader([['Nr', 'Notiz'], ['1', 'Mehr Zeit']])).toBe(true);
    expect(sniffHeader([['Lfd', 'Wer'], ['1', 'Anna']])).toBe(true);
    expect(sniffHeader([['Wer', 'Was'], ['Anna Schmidt', 'Mehr Zeit für Projekte']])).toBe(true);
    expect(sniffHeader([['Mehr Zeit für Projekte', 'Anna'], ['Weniger Papier im Büro', 'Ben']])).toBe(false);
    expect(sniffHeader([['Mehr Zeit'], ['Weniger Papier']])).toBe(false);
    expect(parseCsv('a,b\n1,2', { header: false }).header).toEqual(['column1', 'column2']);
  });

  const adversarial: [string, string][] = [
    ['1 MB of quotes', '"'.repeat(1_000_000)],
    ['1 MB of delimiters', ','.repeat(1_000_000)],
    ['an open quote before 1 MB', `"${'a'.repeat(1_000_000)}`],
    ['300,000 empty quoted fields', '"",'.repeat(300_000)],
  ];
  for (const [name, input] of adversarial) {
    it(`is linear on adversarial input: ${name}`, () => {
      const start = Date.now();
      const table = parseCsv(input);
      expect(Date.now() - start).toBeLessThan(2000);
      expect(table.rows.length + (table.hasHeader ? 1 : 0)).toBe(1);
    });
  }
});

describe('CsvParser (incremental)', () => {
  it('gives the same rows for any chunking, including splits inside CRLF and quote pairs', () => {
    const text = 'a;"b""c"\r\n"x\r\ny";2\r\n3;"q"\r\n';
    const whole = parseCsv(text, { delimiter: ';', header: false }).rows;
    for (let size = 1; size <= text.length; size++) {
      const parser = new CsvParser(';');
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
      parser.finish();
      expect(parser.takeRows()).toEqual(whole);
    }
  });
});

const cell = fc.string({ unit: fc.constantFrom('a', 'ä', ' ', ',', ';', '\t', '"', '\n', '\r', 'x', '€') });
// A one-cell empty row serialises as "" and must come back, so any table is fine.
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

describe('property: CSV round trip', () => {
  for (const delimiter of [',', ';', '\t'] as const) {
    it(`formatCsv then parseCsv gives the same cells (delimiter ${JSON.stringify(delimiter)})`, () => {
      fc.assert(
        fc.property(table, (rows) => {
          const parsed = parseCsv(formatCsv(rows, delimiter), { delimiter, header: false });
          expect(parsed.rows).toEqual(rows);
        }),
        { numRuns: 300 },
      );
    });

    it(`the same through the incremental parser in random chunks (delimiter ${JSON.stringify(delimiter)})`, () => {
      fc.assert(
        fc.property(table, fc.integer({ min: 1, max: 7 }), (rows, size) => {
          const text = formatCsv(rows, delimiter);
          const parser = new CsvParser(delimiter);
          for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
          parser.finish();
          expect(parser.takeRows()).toEqual(rows);
        }),
        { numRuns: 200 },
      );
    });
  }
});
