import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { catalog } from '../cards/catalog';
import { help } from '../../src/bot/views';
import { blankCaptureReason } from '../support/capture-check';
import { contrast, THEMES } from './card-themes';

/**
 * Every card rendered by the official `adaptivecards` renderer in Chromium, in a Teams-light-like and
 * a Teams-dark-like host config: a screenshot of each (test-output/e2e/themes/<theme>/), folded and
 * with every "Show…" part unfolded, and the contrast of every piece of text against what is behind it.
 */
const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output/e2e/themes');
const BUNDLE = require.resolve('adaptivecards/dist/adaptivecards.min.js');
/** WCAG AA for large text; Teams' own subtle text sits around 4.5–7 on both backgrounds. */
const MIN_CONTRAST = 3;

const cards: [string, () => { card: Record<string, unknown> }][] = [
  ...catalog,
  ['help: admin (real examples)', () => help('admin', false) as { card: Record<string, unknown> }],
  ['welcome: user (real examples)', () => help('user', true) as { card: Record<string, unknown> }],
];

let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
});

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe.each(THEMES)('cards in the $name theme', (theme) => {
  it.each(cards)('%s: renders whole, readable, folded and unfolded', async (name, bind) => {
    const page = await browser.newPage({ viewport: { width: 560, height: 800 } });
    try {
      await page.setContent(`<html><body style="margin:0;padding:12px;background:${theme.page}"><div id="card" style="width:520px"></div></body></html>`);
      await page.addScriptTag({ path: BUNDLE });
      // In-page code as text: the project's TypeScript has no DOM types.
      await page.evaluate(`(() => {
        const ac = new AdaptiveCards.AdaptiveCard();
        ac.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(theme.hostConfig)});
        ac.parse(${JSON.stringify(bind().card)});
        document.getElementById('card').appendChild(ac.render());
      })()`);
      const dir = path.join(OUT, theme.name);
      mkdirSync(dir, { recursive: true });
      for (const state of ['folded', 'unfolded'] as const) {
        if (state === 'unfolded') {
          // Press every client-side "Show…" / "More…" toggle (they carry no verb and never reach the bot).
          const toggles = await page.locator('button', { hasText: /^(Show all|More examples)/ }).all();
          if (toggles.length === 0) break;
          for (const t of toggles) await t.click();
        }
        const shot = await page.locator('#card').screenshot();
        writeFileSync(path.join(dir, `${slug(name)}-${state}.png`), shot);
        expect(blankCaptureReason(shot)).toBeUndefined();
        const pairs = (await page.evaluate(`(() => {
          const out = [];
          const bgOf = (el) => {
            for (let e = el; e; e = e.parentElement) {
              const c = getComputedStyle(e).backgroundColor;
              if (c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c)) return c;
            }
            return 'rgb(255, 255, 255)';
          };
          const walker = document.createTreeWalker(document.getElementById('card'), NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || (n.textContent || '').trim() === '' || el.closest('button') || el.offsetParent === null) continue;
            out.push({ text: (n.textContent || '').trim().slice(0, 60), fg: getComputedStyle(el).color, bg: bgOf(el) });
          }
          return out;
        })()`)) as { text: string; fg: string; bg: string }[];
        const low = pairs.filter((p) => contrast(p.fg, p.bg) < MIN_CONTRAST).map((p) => `${p.text} (${contrast(p.fg, p.bg).toFixed(1)}:1)`);
        expect(low).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });
});
