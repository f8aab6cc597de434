import { allText, startTestBot, step, type ReplyActivity, type TestBot } from '../support/harness';
import { forPeople } from '../../src/bot/redact';

const EAST_ADMIN = 'admin@contosoeast.com';
const WEST_ADMIN = 'admin@contosowest.com';

/** What no refusal shows people: ISO times, audit entry ids, organization ids. */
const RAW = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|contoso-east|contoso-west/;
const nothingChangedTimes = (text: string): number => text.match(/nothing (was|is) changed/gi)?.length ?? 0;

/** Issue 15, through the real endpoint: titles that say what was understood, undo refusals in words. */
describe('refusal words through the real endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it.each([
    ['maybe block x.com', 'Not done: block x.com'],
    ["don't block x.com", 'Not done: block x.com'],
    ['block a.com and unblock a.com', 'Not done: more than one request'],
    ['add x.com', 'Which do you mean?'],
    ['block rob@contoso.com', 'Not done: block a domain, one detail to fix'],
    ['flibber the jabberwock', "I didn't understand that"],
  ])('%j is titled %j, and changes nothing', async (says, title) => {
    const before = bot.storeBytes();
    const text = allText(await bot.say(EAST_ADMIN, says));
    expect(text.split('\n')[0]).toBe(title);
    expect(text.match(/didn't understand/gi)?.length ?? 0).toBeLessThanOrEqual(title.startsWith('I didn') ? 1 : 0);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  const blockAndConfirm = async (who: string, domain: string): Promise<ReplyActivity[]> => step(bot, who, '!Confirm', await bot.say(who, `block ${domain}`));

  it('nothing to undo: the organization by its name, "nothing was changed" once', async () => {
    expect(allText(await bot.say(EAST_ADMIN, 'undo'))).toBe("I can't do that\nContoso East has no change to undo.\nNothing was changed.");
  });

  it.each([
    [
      'an expired Undo button',
      async () => {
        const done = await blockAndConfirm(EAST_ADMIN, 'fabrikam.com');
        bot.advance(25 * 60 * 60 * 1000);
        return step(bot, EAST_ADMIN, '!Undo', done);
      },
      /^That Undo button has expired: it is for a change made more than a day ago \("Block fabrikam\.com for Contoso East", 24 Nov 2026, 10:00 UTC\)\. Type "undo"/m,
    ],
    [
      'an Undo button of a change no longer the latest',
      async () => {
        const first = await blockAndConfirm(EAST_ADMIN, 'fabrikam.com');
        await blockAndConfirm(EAST_ADMIN, 'tailspin.example');
        return step(bot, EAST_ADMIN, '!Undo', first);
      },
      /out of date[\s\S]*latest change of Contoso East is now "Block tailspin\.example for Contoso East" \(24 Nov 2026, 10:00 UTC\)/,
    ],
    [
      'an Undo button of a change already undone',
      async () => {
        const done = await blockAndConfirm(EAST_ADMIN, 'fabrikam.com');
        await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'undo'));
        return step(bot, EAST_ADMIN, '!Undo', done);
      },
      /out of date/,
    ],
    [
      "another organization's Undo entry, sent as that organization's",
      async () => {
        const done = await blockAndConfirm(EAST_ADMIN, 'fabrikam.com');
        const entryId = (bot.storeJson().audit.at(-1) as { id: string }).id;
        expect(done.length).toBeGreaterThan(0);
        return bot.invoke(WEST_ADMIN, 'run', { command: { kind: 'undo', orgRef: 'contoso-west', entryId } });
      },
      /out of date[\s\S]*Contoso West has no change to undo now\./,
    ],
  ])('%s: in words, no ids or ISO times, "nothing was changed" once', async (_name, act, expected) => {
    const replies = await act();
    const text = allText(replies);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(RAW);
    expect(nothingChangedTimes(text)).toBe(1);
    expect(text).not.toMatch(/Confirm/);
  });
});

describe('small wording named by issue 15, through the real endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it.each([
    // Said once, with the specific reason only: not "Nothing would change: Nothing changes: … (Unblock (none) …)".
    [EAST_ADMIN, 'unblock x.com', /^Nothing to change\nx\.com is not on the blocked list\.$/],
    [EAST_ADMIN, 'what happens if I unblock x.com?', /^Nothing would change\nx\.com is not on the blocked list\.\n/],
    [EAST_ADMIN, 'what happens if I turn on external access?', /^Nothing would change\nContoso East is already set that way\.\n/],
    // A user is told whom to ask and what to send them.
    ['rob@contosoeast.com', 'block x.com', /^Only an admin of Contoso East can change its settings\. Ask admin@contosoeast\.com \(your admin\) to send "block x\.com"\.$/m],
    ['rob@contosoeast.com', 'undo', /Ask admin@contosoeast\.com \(your admin\) to send "undo"\./],
    [WEST_ADMIN, 'block x.com for Contoso East', /Ask admin@contosoeast\.com \(Contoso East's admin\) to send "block x\.com"\./],
  ])('%s: %j', async (who, says, expected) => {
    const text = allText(await bot.say(who, says));
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/Nothing (would change|changes|to change)[:.]? Nothing|\(none\) for|already set that way[\s\S]*already set that way/);
    expect(nothingChangedTimes(text)).toBeLessThanOrEqual(1);
  });

  it("an admin's what-if that changes nothing shows the settings as that admin sees them", async () => {
    const text = allText(await bot.say(EAST_ADMIN, 'what happens if I unblock x.com?'));
    expect(text).toMatch(/External access — Contoso East/);
    expect(text).not.toMatch(/only an admin of Contoso East can change/i);
  });

  it('a step that does nothing is not told as a step taken ("then Unblock (none)")', async () => {
    const text = allText(await bot.say(EAST_ADMIN, 'block a.com and unblock b.com'));
    expect(text).toMatch(/Block a\.com for Contoso East \(switches to[^)]*\)\. Nothing is changed until you press Confirm/);
    expect(text).toMatch(/b\.com is not on the blocked list/);
    expect(text).not.toMatch(/Unblock|\(none\) for/);
  });
});

describe('forPeople: a store reason as people read it', () => {
  it.each([
    [
      'The change "Block a.example" (0f8b6c1e-2a3d-4b5c-8d9e-0a1b2c3d4e5f) was already undone by Contoso East admin at 2026-11-24T14:00:00.000Z.',
      'The change "Block a.example" was already undone by Contoso East admin at 24 Nov 2026, 14:00 UTC.',
    ],
    ['no times or ids here (e0)', 'no times or ids here (e0)'],
    ['could not write /srv/bot/data/policy.json', 'could not write policy.json'],
  ])('%j → %j', (raw, shown) => {
    expect(forPeople(raw)).toBe(shown);
  });
});
