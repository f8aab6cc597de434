import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { findPerson, REQUIRED_ADMINS, type PlaygroundPerson } from '../support/playground-people';
import { freePort, startBot, startPlayground, stopChild, type Child, type RunningPlayground } from '../support/stack';
import { PlaygroundChat } from './playground-chat';

/**
 * The whole path a person takes: the built bot (`node dist/src/index.js`, temp store), the Microsoft
 * 365 Agents Playground (Teams channel, one process per signed-in person) and Debian's Chromium.
 * Assertions read only what the browser rendered. Run with `npm run test:e2e` (builds first).
 */

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output/e2e');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const admin = person('admin@contosoeast.com');
const rob = person('rob@contosoeast.com');

const output: string[] = [];
const shots: string[] = [];
const children: Child[] = [];
let browser: Browser;
let dir: string;
let storeFile: string;
let playgrounds: Map<PlaygroundPerson, RunningPlayground>;
let adminChat: PlaygroundChat;
let robChat: PlaygroundChat;

function person(address: string): PlaygroundPerson {
  const p = findPerson(address);
  if (p === undefined) throw new Error(`no Playground person ${address}`);
  return p;
}

async function openChat(p: PlaygroundPerson): Promise<PlaygroundChat> {
  const pg = playgrounds.get(p);
  if (pg === undefined) throw new Error(`no Playground for ${p.address}`);
  const who = p.address.split('@')[0] === 'admin' ? 'admin' : (p.address.split('@')[0] ?? 'user');
  return PlaygroundChat.open(browser, pg.url, who, OUT, (f) => shots.push(f));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`e2e: ${CHROMIUM} is missing; install Debian's chromium (apt-get install chromium)`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'fa-e2e-'));
  storeFile = path.join(dir, 'policy.json');
  const sink = (source: string, line: string): void => {
    output.push(`${new Date().toISOString()} [${source}] ${line}`);
  };
  const bot = await startBot({
    root: ROOT,
    port: await freePort(),
    env: { POLICY_DB: storeFile, BOT_ADMINS: REQUIRED_ADMINS.join(',') },
    sink,
  });
  children.push(bot);
  playgrounds = new Map();
  // Settle everything before failing, so afterAll can stop whatever did start.
  const [launched, ...started] = await Promise.allSettled([
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
    ...[admin, rob].map(async (p) =>
      startPlayground({ root: ROOT, person: p, port: await freePort(), botEndpoint: bot.endpoint, workDir: path.join(dir, 'playground'), sink }),
    ),
  ] as const);
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const pg of started) {
    if (pg.status !== 'fulfilled') continue;
    children.push(pg.value);
    playgrounds.set(pg.value.person, pg.value);
  }
  const failed = [launched, ...started].find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  // The Playground's web client is a 9 MB bundle: load both tabs at once rather than one after the other.
  [adminChat, robChat] = await Promise.all([openChat(admin), openChat(rob)]);
  sink('e2e', 'both chats open');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(children.filter((c) => c.name !== 'bot').map((c) => stopChild(c)));
  await Promise.all(children.filter((c) => c.name === 'bot').map((c) => stopChild(c)));
  writeFileSync(path.join(OUT, 'stack.log'), `${output.join('\n')}\n`);
  writeFileSync(path.join(OUT, 'cards.txt'), `${shots.map((f) => path.relative(OUT, f)).join('\n')}\n`);
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}, 30_000);

interface StoreOrg {
  id: string;
  settings: { domainMode: string; blockedDomains: string[] };
}

function eastSettings(): StoreOrg['settings'] {
  const store = JSON.parse(readFileSync(storeFile, 'utf8')) as { organizations: StoreOrg[] };
  const east = store.organizations.find((o) => o.id === 'contoso-east');
  if (east === undefined) throw new Error('contoso-east missing from the store');
  return east.settings;
}

describe('chatting with Federation Assistant in the Agents Playground (Teams channel, Chromium)', () => {
  // The whole page of each chat, pass or fail: it holds the conversation and the Playground's log panel.
  afterAll(async () => {
    output.push(`${new Date().toISOString()} [e2e] tests done`);
    for (const c of [adminChat, robChat]) await c?.screenshotPage(path.join(OUT, `page-${c.who}.png`)).catch(() => undefined);
  });

  describe('an admin of Contoso East', () => {
    let preview: Locator;
    let done: Locator;
    let settingsBefore: StoreOrg['settings'];

    it('is greeted with the welcome card, which lists what to ask', async () => {
      const reply = await adminChat.welcome();
      expect(reply.cards).toHaveLength(1);
      expect(reply.text).toMatch(/Federation Assistant/);
      expect(reply.text).toMatch(/Show settings/i);
      expect(reply.text).toMatch(/Block a domain/); // admins see the change examples too
    });

    it('asks for the settings and sees Contoso East allowing every external domain', async () => {
      const reply = await adminChat.say('show settings');
      expect(reply.cards).toHaveLength(1);
      expect(reply.text).toMatch(/Contoso East/);
      expect(reply.text).toMatch(/Allow all external domains/);
    });

    it('blocks a domain by typing and is shown a preview to confirm; nothing changes yet', async () => {
      const storeBefore = readFileSync(storeFile, 'utf8');
      settingsBefore = eastSettings();
      const reply = await adminChat.say('block fabrikam.com');
      expect(reply.cards).toHaveLength(1);
      preview = reply.cards[0] as Locator;
      expect(reply.text).toMatch(/Confirm this change/i);
      expect(reply.text).toMatch(/Block fabrikam\.com for Contoso East/);
      await expect(preview.getByRole('button', { name: 'Confirm', exact: true }).count()).resolves.toBe(1);
      expect(readFileSync(storeFile, 'utf8')).toBe(storeBefore);
    });

    it('confirms with the card\'s button: the preview turns into the result and the block is stored', async () => {
      const reply = await adminChat.click('Confirm', 'confirm block', preview);
      expect(reply.text).toMatch(/Done/);
      expect(reply.text).toMatch(/fabrikam\.com/);
      // Action.Execute refreshed the card in place: the same bubble, no Confirm button left.
      await expect(preview.getByRole('button', { name: 'Confirm', exact: true }).count()).resolves.toBe(0);
      done = preview;
      expect(eastSettings().blockedDomains).toEqual(['fabrikam.com']);
    });

    it('asks whether a user of Contoso West can reach a Contoso East user', async () => {
      const reply = await adminChat.say('can ann@contosowest.com reach rob@contosoeast.com?');
      expect(reply.cards).toHaveLength(1);
      expect(reply.text).toMatch(/ann@contosowest\.com/);
      expect(reply.text).toMatch(/rob@contosoeast\.com/);
      expect(reply.text).toMatch(/^Reachable$/m);
    });

    it('opens the external vs guest access comparison', async () => {
      const reply = await adminChat.say('compare external and guest access');
      expect(reply.cards).toHaveLength(1);
      expect(reply.text).toMatch(/External access vs guest access/i);
      expect(reply.text).toMatch(/Share files/);
    });

    it('asks a feature question', async () => {
      const reply = await adminChat.say('can external users share files?');
      expect(reply.text).toMatch(/Share files/);
      expect(reply.text).toMatch(/guest access/i);
    });

    it('undoes the change with the result card\'s Undo button: a preview first, then Confirm', async () => {
      const storeBefore = readFileSync(storeFile, 'utf8');
      const asked = await adminChat.click('Undo', 'undo', done);
      expect(asked.text).toMatch(/Undo this change\?/);
      expect(readFileSync(storeFile, 'utf8')).toBe(storeBefore);
      const reply = await adminChat.click('Confirm', 'confirm undo');
      expect(reply.text).toMatch(/Undone/);
      expect(reply.text).toMatch(/fabrikam\.com/);
      expect(eastSettings()).toEqual(settingsBefore);
      const settings = await adminChat.say('show settings', 'settings after undo');
      expect(settings.text).toMatch(/Allow all external domains/);
    });
  });

  describe('an ordinary user of Contoso East', () => {
    it('is greeted without the admin examples', async () => {
      const reply = await robChat.welcome('welcome rob');
      expect(reply.text).toMatch(/Show settings/i);
      expect(reply.text).not.toMatch(/Block a domain|Undo the last change/);
    });

    it('is refused a change, told who can make it, and nothing changes', async () => {
      const before = readFileSync(storeFile, 'utf8');
      const reply = await robChat.say('block fabrikam.com', 'rob block');
      expect(reply.text).toMatch(/admin@contosoeast\.com/);
      expect(reply.text).toMatch(/can't|cannot|only an admin/i);
      expect(reply.text).not.toMatch(/Confirm this change/i);
      expect(readFileSync(storeFile, 'utf8')).toBe(before);
    });
  });
});
