import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { blankCaptureReason } from '../support/capture-check';

/**
 * One Agents Playground tab, seen the way a person sees it: what they type, what the bot's messages
 * say once rendered, the buttons on its cards. Every card that appears or changes is saved as a PNG.
 */

const BOT_NAME = 'Federation Assistant';
const REPLY_TIMEOUT_MS = 20_000;
const SETTLE_MS = 800;
// The web client is a 9 MB bundle: on a busy 2-CPU machine loading it takes tens of seconds.
const LOAD_TIMEOUT_MS = 90_000;
// Room above and below a card in a capture window: the Playground's bar and the message box.
const CAPTURE_MARGIN_PX = 700;

export interface Reply {
  /** The rendered text of every bot message that appeared or changed, in order. */
  text: string;
  /** The cards among them (locators stay valid while the chat does). */
  cards: Locator[];
  /** The PNG files saved for those cards. */
  screenshots: string[];
}

export class PlaygroundChat {
  private shotCount = 0;
  /** Cards already saved, by rendered text: a bubble that changes around an unchanged card is not a new card. */
  private readonly shotCards = new Set<string>();

  private constructor(
    readonly page: Page,
    readonly who: string,
    private readonly shotsDir: string,
    private readonly onShot: (file: string) => void,
  ) {}

  static async open(browser: Browser, url: string, who: string, shotsDir: string, onShot: (file: string) => void): Promise<PlaygroundChat> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
    const chat = new PlaygroundChat(page, who, shotsDir, onShot);
    await chat.textbox().waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });
    return chat;
  }

  private textbox(): Locator {
    return this.page.getByRole('textbox').and(this.page.locator('[contenteditable="true"][data-lexical-editor]'));
  }

  /** The bot's message bubbles (each is the parent of a header whose author is the bot). */
  botMessages(): Locator {
    const header = this.page
      .locator('[aria-label="Message header"]')
      .filter({ has: this.page.locator('[aria-label="Message author"]', { hasText: BOT_NAME }) });
    return header.locator('xpath=..');
  }

  private async snapshot(): Promise<string[]> {
    return this.botMessages().evaluateAll((els) => els.map((e) => (e as unknown as { innerText: string }).innerText));
  }

  /** Waits for the first bot message (the welcome card sent when the Playground opens the chat). */
  async welcome(label = 'welcome'): Promise<Reply> {
    await this.botMessages().first().waitFor({ timeout: REPLY_TIMEOUT_MS });
    return this.collect([], label);
  }

  /** Types `text`, sends it, and returns what the bot answered once the chat stops changing. */
  async say(text: string, label = text): Promise<Reply> {
    const before = await this.settled();
    const box = this.textbox();
    await box.click();
    await box.fill(text);
    await this.page.keyboard.press('Enter');
    await this.waitForChange(before, `a reply to "${text}"`);
    return this.collect(before, label);
  }

  /**
   * Clicks the button named `name` (exactly, when a string) on `card`, or on the newest card that has
   * one, and returns the bot's answer.
   */
  async click(name: string | RegExp, label = `click ${String(name)}`, card?: Locator): Promise<Reply> {
    const before = await this.settled();
    const scope = card ?? this.page.locator('.ac-adaptiveCard');
    const button = scope.getByRole('button', { name, exact: typeof name === 'string' }).last();
    await button.click({ timeout: REPLY_TIMEOUT_MS });
    await this.waitForChange(before, `an answer to the "${String(name)}" button`);
    return this.collect(before, label);
  }

  private async waitForChange(before: string[], what: string): Promise<void> {
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    for (;;) {
      const now = await this.snapshot();
      if (now.length !== before.length || now.some((t, i) => t !== before[i])) return;
      if (Date.now() > deadline) throw new Error(`${this.who}: no ${what} within ${REPLY_TIMEOUT_MS} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  /** The bot's messages once they have not changed for SETTLE_MS (replies come as several activities). */
  private async settled(): Promise<string[]> {
    let last = await this.snapshot();
    let stableSince = Date.now();
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    while (Date.now() - stableSince < SETTLE_MS && Date.now() < deadline) {
      await this.page.waitForTimeout(100);
      const now = await this.snapshot();
      if (now.length !== last.length || now.some((t, i) => t !== last[i])) {
        last = now;
        stableSince = Date.now();
      }
    }
    return last;
  }

  private async collect(before: string[], label: string): Promise<Reply> {
    const started = Date.now();
    const after = await this.settled();
    const messages = this.botMessages();
    const changed = after.map((t, i) => ({ t, i })).filter(({ t, i }) => i >= before.length || t !== before[i]);
    const cards: Locator[] = [];
    const screenshots: string[] = [];
    for (const { i } of changed) {
      const inMessage = messages.nth(i).locator('.ac-adaptiveCard');
      const count = await inMessage.count();
      for (let c = 0; c < count; c++) {
        const card = inMessage.nth(c);
        cards.push(card);
        const cardText = await card.innerText();
        if (this.shotCards.has(cardText)) continue;
        this.shotCards.add(cardText);
        const file = path.join(this.shotsDir, `${this.who}-${String(++this.shotCount).padStart(2, '0')}-${slug(label)}.png`);
        await this.captureWhole(card, file);
        screenshots.push(file);
        this.onShot(file);
      }
    }
    const text = changed.map(({ t }) => t.trim()).join('\n---\n');
    appendFileSync(
      path.join(this.shotsDir, 'transcript.txt'),
      `=== ${this.who}: ${label} (${new Date().toISOString()}, settled ${Date.now() - started} ms)\n${text}\n\n`,
    );
    return { text, cards, screenshots };
  }

  /**
   * An element screenshot of the whole card. The transcript scrolls inside the page and the
   * Playground's bar floats over its top, so a card taller than the window would come out cut, with
   * the bar painted across it: the window is made tall enough for the card first, then restored.
   * A capture that shows no card fails the suite.
   */
  private async captureWhole(card: Locator, file: string): Promise<void> {
    const viewport = this.page.viewportSize();
    const box = await card.boundingBox();
    const needed = Math.ceil((box?.height ?? 0) + CAPTURE_MARGIN_PX);
    if (viewport && needed > viewport.height) await this.page.setViewportSize({ width: viewport.width, height: needed });
    try {
      await card.scrollIntoViewIfNeeded();
      await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await this.page.waitForTimeout(150);
      await card.screenshot({ path: file, animations: 'disabled' });
    } finally {
      if (viewport && needed > viewport.height) await this.page.setViewportSize(viewport);
    }
    const blank = blankCaptureReason(readFileSync(file));
    if (blank !== undefined) throw new Error(`${this.who}: the screenshot ${path.basename(file)} does not show the card: ${blank}`);
  }

  async screenshotPage(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true });
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}
