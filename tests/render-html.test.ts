import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { ThemenfinderError } from '../src/errors';
import { parseBoard } from '../src/import/board';
import { renderHtml } from '../src/render/html';
import { chooseCrossField, crossTable } from '../src/render/html/crosstab';
import { escapeHtml, jsonForScript } from '../src/render/html/escape';
import { noteMap } from '../src/render/html/projection';
import { SCRIPT, SCRIPT_HASH } from '../src/render/html/script';
import type { NoteRecord, ThemeReport } from '../src/types';
import { corpusText } from './helpers/corpus';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><img src=x>',
  "'><script>alert(2)</script>",
  '</style><script>alert(3)</script>',
  '</textarea></title><iframe src="https://example.org">',
  '&lt;b&gt; already escaped &amp;',
];

/** The corpus notes, with metadata, as the CLI reads them. */
function corpusReport(): ThemeReport {
  const notes = parseBoard(corpusText())
    .filter((unit) => unit.kind === 'note')
    .map(({ kind: _k, start: _s, end: _e, ...note }) => note as NoteRecord);
  return analyze(notes);
}

/** A report whose notes carry attack strings in text, metadata keys and values. */
function hostileReport(): ThemeReport {
  const notes: NoteRecord[] = [];
  PAYLOADS.forEach((payload, i) => {
    notes.push({ text: `Digitalisierung der Schulen ${payload}`, group: payload, [payload]: `value ${i}` });
    notes.push({ text: `Netzwerke stärken ${payload}`, group: `Gruppe ${i % 2}`, column: payload });
  });
  notes.push({ text: '<b onmouseover=alert(4)>Digitalisierung</b>', id: '"><svg onload=alert(5)>' });
  return analyze(notes, { k: 2, stopwords: { add: ['script', 'alert', 'img', 'src', 'svg', 'onload', 'onerror'] } });
}

/** Every tag the renderer writes; anything else would be injected markup. */
const OWN_TAGS = new Set(
  'html head meta title style body div header h1 h2 h3 p nav ol ul li a section table thead tbody tr th td span svg g text rect circle blockquote details summary label input footer code script'.split(
    ' ',
  ),
);

/** Tags with their quoted attribute values blanked, so text inside a value cannot look like an attribute. */
function blankValues(html: string): string {
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/"[^"]*"/g, '""'));
}

const EVENT_ATTRIBUTE = /<[a-z][^<>]*\son[a-z]+\s*=/i;

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) => m[1]!.toLowerCase());
}

describe('renderHtml: a note is data, never markup', () => {
  const report = hostileReport();
  const html = renderHtml(report);

  it('writes only its own tags and no event-handler attributes', () => {
    for (const tag of tagsOf(html)) expect(OWN_TAGS, `unexpected <${tag}>`).toContain(tag);
    expect(blankValues(html)).not.toMatch(EVENT_ATTRIBUTE);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<iframe|<svg onload/i);
  });

  it('shows the attack strings as text', () => {
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x&gt;'); // as a metadata key and value
    expect(html).toContain('&amp;lt;b&amp;gt; already escaped &amp;amp;');
  });

  it('keeps any string out of the markup (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '=', '/', 'a', 'x', ' ', 'on', 'script', 'Digitalisierung ') }), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.string({ maxLength: 12 }),
        (texts, key) => {
          const notes = texts.map((text, i) => ({ text: `${text} Schule ${i % 2 ? 'Netzwerk' : 'Daten'}`, [key || 'k']: text }));
          const out = renderHtml(analyze(notes, { k: 1 }), { title: texts[0] });
          for (const tag of tagsOf(out)) if (!OWN_TAGS.has(tag)) return false;
          return !EVENT_ATTRIBUTE.test(blankValues(out)) && (out.match(/<script/g) ?? []).length === 1;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('escapes text for script data blocks', () => {
    expect(jsonForScript({ t: '</script><!--\u2028' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
  });
});

describe('renderHtml: self-contained', () => {
  const html = renderHtml(corpusReport());

  it('references nothing outside the page', () => {
    const urls = [...html.matchAll(/\b(?:src|href|action|xlink:href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
    for (const url of urls) expect(url.startsWith('#'), url).toBe(true);
    expect(html).not.toMatch(/<link|@import|url\(|@font-face/i);
    const external = [...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
    expect(new Set(external)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('allows exactly its own script by hash', () => {
    const hash = `sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}`;
    expect(SCRIPT_HASH, `update SCRIPT_HASH in src/render/html/script.ts to '${hash}'`).toBe(hash);
    expect(html).toContain(`script-src '${hash}'`);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
  });

  it('is deterministic', () => {
    expect(renderHtml(corpusReport())).toBe(html);
  });
});

describe('renderHtml: content', () => {
  const report = corpusReport();
  const html = renderHtml(report);

  it('lists every note once, grouped by theme', () => {
    expect(html.match(/<li data-id="/g)).toHaveLength(report.notes.length);
    expect(html.match(/<details class="tf-group"/g)).toHaveLength(report.themes.length + (report.meta.unassigned > 0 ? 1 : 0));
    for (const note of report.notes.slice(0, 50)) expect(html).toContain(`<li data-id="${escapeHtml(note.id)}">`);
  });

  it('draws the four charts', () => {
    expect(html.match(/class="tf-chart tf-chart-sizes"/g)).toHaveLength(1);
    expect(html.match(/class="tf-chart tf-chart-keywords"/g)).toHaveLength(report.themes.length);
    expect(html.match(/<circle /g)).toHaveLength(report.meta.assigned);
    const field = chooseCrossField(report);
    expect(field).toBeDefined();
    const table = crossTable(report, field!);
    expect(html.match(/class="tf-chart tf-chart-heatmap"/g)).toHaveLength(1);
    expect(table.rows.reduce((sum, row) => sum + row.total, 0)).toBe(report.notes.length);
  });

  it('states the parameters and the version', () => {
    expect(html).toContain(`themenfinder ${report.meta.version}`);
    for (const key of Object.keys(report.meta.options)) expect(html).toContain(`options.${key}`);
  });

  it('speaks German by default for German notes, English on request', () => {
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Alle Notizen nach Thema');
    const en = renderHtml(report, { locale: 'en', title: 'Zukunftscamp' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('All notes by theme');
    expect(en).toContain('<title>Zukunftscamp</title>');
  });

  it('names wrong options and the way out', () => {
    expect(() => renderHtml(report, { locale: 'fr' as never })).toThrow(ThemenfinderError);
    expect(() => renderHtml(report, { by: 'nope' })).toThrow(/No note has the metadata field "nope".*Fields in this report/);
    expect(renderHtml(report, { by: false })).not.toContain('tf-chart-heatmap');
  });

  it('renders a fragment for embedding', () => {
    const fragment = renderHtml(report, { fragment: true });
    expect(fragment.startsWith('<div class="tf-report"')).toBe(true);
    expect(fragment).not.toContain('<html');
  });

  it('copes with a report without themes', () => {
    const empty = analyze(['und', 'oder', 'die'], { k: 1 });
    const out = renderHtml(empty);
    expect(out).toContain('Ohne Thema');
    expect(out).not.toContain('<circle');
  });
});

describe('crossTable and chooseCrossField', () => {
  const base = (meta: Record<string, unknown>[]): ThemeReport => {
    const notes = meta.map((m, i) => ({ text: i % 2 ? 'Digitalisierung Schule' : 'Netzwerke Kooperation', ...m }));
    return analyze(notes, { k: 2 });
  };

  it('prefers a field with several values given on most notes', () => {
    const report = base(
      Array.from({ length: 20 }, (_, i) => ({ section: i % 2 ? 'a' : 'b', group: i < 16 ? `g${i % 8}` : undefined, id2: `n${i}` })),
    );
    expect(chooseCrossField(report)).toBe('group');
  });

  it('ignores fields with one value or more than 15', () => {
    const report = base(Array.from({ length: 20 }, (_, i) => ({ same: 'x', unique: `u${i}` })));
    expect(chooseCrossField(report)).toBeUndefined();
  });

  it('counts every note once, missing values last', () => {
    const report = base(Array.from({ length: 10 }, (_, i) => (i < 7 ? { g: `v${i % 3}` } : {})));
    const table = crossTable(report, 'g');
    expect(table.values).toEqual(['v0', 'v1', 'v2', '']);
    expect(table.rows.reduce((sum, row) => sum + row.counts.reduce((a, b) => a + b, 0), 0)).toBe(10);
    expect(table.rows.map((row) => row.total).reduce((a, b) => a + b, 0)).toBe(10);
  });
});

describe('noteMap', () => {
  const report = corpusReport();
  const map = noteMap(report);

  it('places every note with a theme, deterministically', () => {
    expect(map.points).toHaveLength(report.meta.assigned);
    expect(noteMap(report)).toEqual(map);
    for (const p of map.points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('puts most notes nearest to their own theme', () => {
    let own = 0;
    for (const p of map.points) {
      const nearest = map.anchors.reduce((best, a) =>
        Math.hypot(a.x - p.x, a.y - p.y) < Math.hypot(best.x - p.x, best.y - p.y) ? a : best,
      );
      if (nearest.theme === p.theme) own++;
    }
    expect(own / map.points.length).toBeGreaterThan(0.75);
  });

  it('keeps the typical notes of a theme closer to its anchor than the weak ones', () => {
    const scores = new Map(report.notes.map((n) => [n.id, n.score]));
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    let closer = 0;
    report.themes.forEach((_, t) => {
      const anchor = map.anchors[t]!;
      const points = map.points.filter((p) => p.theme === t).sort((a, b) => scores.get(b.id)! - scores.get(a.id)!);
      const quarter = Math.max(1, Math.floor(points.length / 4));
      const dist = (p: { x: number; y: number }) => Math.hypot(p.x - anchor.x, p.y - anchor.y);
      if (median(points.slice(0, quarter).map(dist)) <= median(points.slice(-quarter).map(dist))) closer++;
    });
    expect(closer).toBeGreaterThan(report.themes.length / 2);
  });
});
