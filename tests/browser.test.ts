/**
 * The HTML report and the browser example, opened in a real headless
 * browser (Debian's chromium driven by playwright-core). In CI a missing
 * chromium fails the test; elsewhere the suite is skipped with a message.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED_NOTES } from './helpers/notes';
import { analyze } from '../src/analyze';
import { parseBoard } from '../src/import/board';
import { renderHtml } from '../src/render/html';
import type { NoteRecord } from '../src/types';
import { corpusText, repoPath } from './helpers/corpus';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const SHOTS = repoPath('tests/__screenshots__');
const ORIGIN = 'http://themenfinder.test';

if (!available && !process.env.CI) {
  console.warn(`browser.test.ts: skipped, no chromium at ${CHROMIUM} (install it: apt-get install -y chromium; in CI this fails).`);
}

describe.skipIf(!available && !process.env.CI)('in a real browser', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `chromium is required in CI: ${CHROMIUM} is missing (apt-get install -y chromium)`).toBe(true);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    dir = mkdtempSync(join(tmpdir(), 'themenfinder-browser-'));
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens an HTML file and records every request the page makes. */
  async function open(html: string, name: string, width = 1200): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`file://${file}`);
    return { page, requests, errors };
  }

  it('shows the corpus report: charts drawn, filter works, nothing leaves the page', async () => {
    const notes = parseBoard(corpusText())
      .filter((unit) => unit.kind === 'note')
      .map(({ kind: _k, start: _s, end: _e, ...note }) => note as NoteRecord);
    const report = analyze(notes);
    const { page, requests, errors } = await open(renderHtml(report, { title: 'Zukunftscamp 2021' }), 'report.html');
    expect(errors).toEqual([]);

    for (const selector of ['.tf-chart-sizes', '.tf-chart-keywords', '.tf-chart-heatmap', '.tf-chart-map']) {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.width, selector).toBeGreaterThan(100);
      expect(box!.height, selector).toBeGreaterThan(50);
    }
    expect(await page.locator('.tf-chart-sizes rect').count()).toBe(report.themes.length + (report.meta.unassigned > 0 ? 1 : 0));
    expect(await page.locator('.tf-chart-map circle').count()).toBe(report.meta.assigned);
    const dot = await page.locator('.tf-chart-map circle').first().boundingBox();
    expect(dot!.width).toBeGreaterThan(2);

    await page.screenshot({ path: join(SHOTS, 'report-top.png') });
    await page.locator('#tf-map').screenshot({ path: join(SHOTS, 'report-map.png') });

    // The filter: a word that occurs in a known number of notes.
    const visible = () => page.locator('ul.tf-notes > li:visible').count();
    expect(await visible()).toBe(report.notes.length);
    const word = 'digital';
    const expected = report.notes.filter((note) =>
      [note.text, note.id, ...(note.terms ?? []), ...Object.entries(note.meta ?? {}).flat().map(String)].join(' ').toLowerCase().includes(word),
    ).length;
    await page.fill('.tf-filter input', word);
    const shown = await visible();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(report.notes.length);
    expect(shown).toBeGreaterThanOrEqual(expected);
    expect(await page.locator('.tf-count').textContent()).toContain(`${shown} von ${report.notes.length}`);
    await page.locator('#tf-notes').screenshot({ path: join(SHOTS, 'report-filtered.png'), timeout: 20_000 }).catch(() => undefined);
    await page.fill('.tf-filter input', 'zzzz-no-such-word');
    expect(await visible()).toBe(0);
    expect(await page.locator('.tf-empty').isVisible()).toBe(true);
    await page.fill('.tf-filter input', '');
    expect(await visible()).toBe(report.notes.length);

    const pageUrl = page.url();
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('shows hostile notes as text and runs none of them', async () => {
    const payloads = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">', '<svg onload="window.__pwned=3">', '"><img src=x>'];
    const notes = payloads.flatMap((payload, i) => [
      { text: `Digitalisierung der Schulen ${payload}`, group: payload, [payload]: `v${i}` },
      { text: `Netzwerke stärken ${payload}`, group: `Gruppe ${i}` },
    ]);
    const { page, requests, errors } = await open(renderHtml(analyze(notes, { k: 2 })), 'hostile.html');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.tf-report img, .tf-report iframe, .tf-notes script, .tf-notes svg').count()).toBe(0);
    const texts = await page.locator('ul.tf-notes .tf-text').allTextContents();
    for (const payload of payloads) expect(texts.some((text) => text.includes(payload)), payload).toBe(true);
    const facts = (await page.locator('ul.tf-notes .tf-facts').allTextContents()).join('\n');
    expect(facts).toContain('"><img src=x>: v3');
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the browser example: paste notes, click, see themes', async () => {
    // The example imports ../dist/themenfinder.browser.js; use the built one, or bundle it here the same way.
    const built = repoPath('dist/themenfinder.browser.js');
    let bundle: string;
    if (existsSync(built)) bundle = readFileSync(built, 'utf8');
    else {
      const entry = join(dir, 'entry.ts');
      writeFileSync(entry, `export * from ${JSON.stringify(repoPath('src/index.ts'))};\nexport { renderHtml } from ${JSON.stringify(repoPath('src/render/html.ts'))};\n`);
      const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', write: false, minify: true, logLevel: 'silent' });
      bundle = result.outputFiles[0]!.text;
    }
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const outside: string[] = [];
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) {
        outside.push(url.href);
        return route.abort();
      }
      if (url.pathname === '/examples/browser.html') {
        return route.fulfill({ contentType: 'text/html', body: readFileSync(repoPath('examples/browser.html'), 'utf8') });
      }
      if (url.pathname === '/dist/themenfinder.browser.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/examples/browser.html`);
    const lines = PLANTED_NOTES;
    await page.fill('#notes', lines.join('\n'));
    await page.selectOption('#k', '3');
    await page.click('#run');
    await expect.poll(() => page.locator('#status').textContent()).toContain('3 themes');
    const frame = page.frameLocator('#report');
    await expect.poll(() => frame.locator('details.tf-group').count()).toBe(3);
    expect(await frame.locator('ul.tf-notes > li').count()).toBe(lines.length);
    const labels = (await frame.locator('details.tf-group > summary').allTextContents()).join(' ');
    for (const word of ['Digitalisierung', 'Netzwerke']) expect(labels).toContain(word);
    await frame.locator('.tf-filter input').fill('netzwerke');
    await expect.poll(() => frame.locator('ul.tf-notes > li:visible').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'browser-example.png'), fullPage: false });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
