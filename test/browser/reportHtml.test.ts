import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../e2e/cli.js';

/**
 * report.html of the bundled fixtures in a real browser: Debian's chromium, headless, which
 * .ci/run installs. Missing chromium fails the test (it never skips): a report nobody has
 * looked at in a browser is not known to work. Screenshots go to test-output/browser/.
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = resolve('test-output', 'browser');
const WIDTHS = [1280, 390];

/** The fixture report and a browser on a fresh profile, made once for both widths. */
async function setUp(): Promise<{ context: BrowserContext; url: string }> {
  const dir = join(tempDir(), 'report');
  const run = await runCli(['report', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--out', dir, '--bootstrap', '200', '--quiet']);
  expect(run.code).toBe(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, url: pathToFileURL(join(dir, 'report.html')).href };
}

describe('report.html in a headless browser', () => {
  let ready: Promise<{ context: BrowserContext; url: string }> | undefined;

  afterAll(async () => {
    await (await ready?.catch(() => undefined))?.context.close();
  });

  it.each(WIDTHS)('at %i px: no horizontal overflow, every figure drawn, no request, no console error', async (width) => {
    // Fails, never skips, without the browser.
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: run .ci/run, or apt-get install chromium as root`).toBe(true);
    ready ??= setUp();
    const { context, url } = await ready;
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => void (r.url() !== url && requests.push(r.url())));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));
    // Anything but the page itself is refused, so a stray URL shows up here and fetches nothing.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });

    const overflow = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        // A table scrolls inside its own box (overflow-x: auto); its cells may run past the page.
        .filter((e) => !e.closest('table'))
        .map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : ''))
        .slice(0, 20),
    }));
    expect(overflow.wide).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);

    const figures = page.locator('figure');
    const count = await figures.count();
    // cohorts, adjusted-vs-raw, repurchase, the five satisfaction charts, drivers-forest and
    // contact-rate: every chart of the report, each inlined once.
    expect(count).toBe(10);
    for (let i = 0; i < count; i++) {
      const svg = figures.nth(i).locator('svg').first();
      await svg.scrollIntoViewIfNeeded();
      expect(await svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(50);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5);
    }

    await page.screenshot({ path: join(SCREENSHOTS, `report-${width}.png`), fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
