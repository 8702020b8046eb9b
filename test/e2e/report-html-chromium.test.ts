/**
 * The HTML report in a real browser (issue 4 item 8): headless Chromium (Debian package
 * `chromium`, driven with playwright-core) opens the file offline, shows every rule of the region
 * with its compliance, renders the chart, prints to A4. Skipped, with a message saying why, only
 * when /usr/bin/chromium is not installed (`.ci/run` installs it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { decodePng, pixelStats } from '../report/png.js';
import { giacheck, ROOT } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const DEMO = join(ROOT, 'fixtures', 'demo', 'zuid-limburg-demo.csv');
const AS_OF = '2026-11-01';

/** The report files (in-process: Chromium is the process under test here). */
async function writeReport(args: string[]): Promise<void> {
  const r = await giacheck(args);
  // exit 1 only means findings at or above --fail-on
  if (r.code !== 0 && r.code !== 1) throw new Error(`giacheck ${args.join(' ')} → ${r.code}: ${r.stderr}`);
}

if (!HAS_CHROMIUM) {
  console.warn(`report-html-chromium: SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does this)`);
  describe('HTML report in Chromium', () => {
    it.skip(`SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium)`, () => {});
  });
} else {
  describe('HTML report in Chromium', () => {
    let dir: string;
    let htmlFile: string;
    let report: {
      summary: { rules: { rule_id: string; title: string; compliance: number | null }[] };
      input: { rows_read: number; rows_checked: number; rows_rejected: number };
    };
    let browser: Browser;
    let context: BrowserContext;
    const foreignRequests: string[] = [];
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'giacheck-chromium-'));
      htmlFile = join(dir, 'rapport.html');
      const jsonFile = join(dir, 'rapport.json');
      await writeReport(['check', DEMO, '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'html', '--output', htmlFile, '--max-findings', '0']);
      await writeReport(['check', DEMO, '--region', 'zuid-limburg', '--as-of', AS_OF, '--format', 'json', '--output', jsonFile]);
      report = JSON.parse(readFileSync(jsonFile, 'utf8'));
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      context = await browser.newContext({ viewport: { width: 1100, height: 1400 }, offline: true });
      // anything but the file itself would be a remote load: count and block it
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        foreignRequests.push(url);
        return route.abort();
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('opens offline and shows every rule of the region with its compliance', async () => {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
      expect(await page.title()).toMatch(/^Nalevingsrapport Zuid-Limburg · 01-11-2026$/);
      const rows = await page.$$eval('table.rules tbody tr', (trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll('th, td')].map((c) => String((c as unknown as { innerText: string }).innerText).trim());
          return { id: cells[0], title: cells[1], compliance: cells[11] };
        }),
      );
      const pct = (x: number | null) => (x === null ? '–' : (x * 100).toFixed(1).replace('.', ',') + '%');
      expect(rows.map((r) => r.id)).toEqual(report.summary.rules.map((r) => r.rule_id));
      for (const r of report.summary.rules) {
        const row = rows.find((x) => x.id === r.rule_id)!;
        expect(row.title.startsWith(r.title), r.rule_id).toBe(true);
        expect(row.compliance, r.rule_id).toBe(pct(r.compliance));
      }
      // the header's row accounting is what the JSON says
      const rowsText = await page.$eval('dd.rows', (e) => String((e as unknown as { innerText: string }).innerText));
      expect(rowsText).toBe(
        `${report.input.rows_read.toLocaleString('nl-NL')} gelezen, ${report.input.rows_checked.toLocaleString('nl-NL')} gecontroleerd, ${report.input.rows_rejected.toLocaleString('nl-NL')} afgewezen`,
      );
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.close();
    }, 90_000);

    it('renders the compliance chart: one bar per rule, visible, and a screenshot that is not empty', async () => {
      const page = await context.newPage();
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
      const chart = page.locator('svg.chart-rules');
      await expect(chart.count()).resolves.toBe(1);
      const box = (await chart.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(report.summary.rules.length * 30);
      const labels = await page.$$eval('svg.chart-rules g.bar', (gs) => gs.map((g) => g.getAttribute('data-label')));
      expect(labels).toEqual(report.summary.rules.map((r) => r.rule_id));
      // every judged rule has a value bar whose width is its share of the scale
      const widths = await page.$$eval('svg.chart-rules g.bar', (gs) =>
        gs.map((g) => {
          const v = g.querySelector('rect.value');
          return v ? Number(v.getAttribute('width')) : null;
        }),
      );
      report.summary.rules.forEach((r, i) => {
        if (r.compliance === null) expect(widths[i]).toBeNull();
        else expect(widths[i]).toBeCloseTo(r.compliance * 552, 0);
      });
      // screenshots wait up to 120 s: on a loaded 2-core machine a full-page one took over 30 s
      const shot = decodePng(await chart.screenshot({ timeout: 120_000 }));
      const stats = pixelStats(shot);
      expect(shot.width).toBeGreaterThan(300);
      expect(stats.nonWhite / stats.total).toBeGreaterThan(0.05);
      if (report.summary.rules.some((r) => (r.compliance ?? 0) > 0)) expect(stats.coloured).toBeGreaterThan(500);
      // the whole demo report (every finding, the lead-time and werkvoorraad sections) is a long
      // page: on a loaded 2-core machine its screenshot takes longer than Playwright's 30 s default
      const full = pixelStats(decodePng(await page.screenshot({ fullPage: true, timeout: 120_000 })));
      expect(full.nonWhite / full.total).toBeGreaterThan(0.03);
      await page.close();
    }, 300_000);

    it('prints on A4 pages, at least as many pages as sections (page by page: report-print-pdf.test.ts)', async () => {
      const page = await context.newPage();
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
      const sections = await page.$$eval('main > section', (s) => s.length);
      expect(pages.length).toBeGreaterThanOrEqual(sections);
      // A4 = 595.28 × 841.89 pt (Chromium rounds to whole CSS pixels: 594.96 × 841.92)
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes.length).toBe(pages.length);
      for (const [w, h] of boxes) {
        expect(Math.abs(w - 595.28)).toBeLessThan(1);
        expect(Math.abs(h - 841.89)).toBeLessThan(1);
      }
      await page.close();
    }, 90_000);
  });
}
