import { allText, cardsOf, findAction, startTestBot, step, type ReplyActivity, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';
const blocked = (bot: TestBot): string[] => bot.storeJson().organizations[0]?.settings.blockedDomains;

/** Issue 12 point 9: undo acts only after a preview and Confirm; old Undo buttons are refused. */
describe('undo is previewed and old Undo buttons expire (issue 12.9)', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  const blockAndConfirm = async (domain: string): Promise<ReplyActivity[]> => {
    const preview = await bot.say(EAST_ADMIN, `block ${domain}`);
    return step(bot, EAST_ADMIN, '!Confirm', preview);
  };

  it.each([
    ['typed "undo"', async (_done: ReplyActivity[]) => bot.say(EAST_ADMIN, 'undo')],
    ['the Undo button (Action.Execute)', async (done: ReplyActivity[]) => step(bot, EAST_ADMIN, '!Undo', done)],
    [
      'the Undo button (Action.Submit)',
      async (done: ReplyActivity[]) => {
        const undo = cardsOf(done).map((c) => findAction(c, /^Undo/)).find(Boolean);
        return bot.submit(EAST_ADMIN, { verb: undo?.verb, ...undo?.data });
      },
    ],
  ])('%s shows what would be put back and changes nothing until Confirm', async (_name, press) => {
    const done = await blockAndConfirm('fabrikam.com');
    const before = bot.storeBytes();
    const preview = await press(done);
    expect(allText(preview)).toMatch(/Undo this change\?[\s\S]*Block(ed)? [\s\S]*fabrikam\.com[\s\S]*Confirm/i);
    expect(bot.storeBytes().equals(before)).toBe(true);
    await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(blocked(bot)).toEqual([]);
  });

  it('a second "undo" (undo of the undo) is previewed too, never re-applied silently', async () => {
    await blockAndConfirm('fabrikam.com');
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'undo'));
    expect(blocked(bot)).toEqual([]);
    const before = bot.storeBytes();
    const again = await bot.say(EAST_ADMIN, 'undo');
    expect(allText(again)).toMatch(/Undo this change\?[\s\S]*fabrikam\.com[\s\S]*Confirm/);
    expect(bot.storeBytes().equals(before)).toBe(true);
    await bot.say(EAST_ADMIN, 'cancel');
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('an Undo button expires a day after its change; typing "undo" still previews it', async () => {
    const done = await blockAndConfirm('fabrikam.com');
    bot.advance(25 * 60 * 60 * 1000);
    const before = bot.storeBytes();
    const replies = await step(bot, EAST_ADMIN, '!Undo', done);
    expect(allText(replies)).toMatch(/expired[\s\S]*fabrikam\.com[\s\S]*Nothing was changed/);
    expect(allText(replies)).not.toMatch(/Confirm/);
    expect(await bot.say(EAST_ADMIN, 'yes').then(allText)).not.toMatch(/Undone/);
    expect(bot.storeBytes().equals(before)).toBe(true);
    expect(allText(await bot.say(EAST_ADMIN, 'undo'))).toMatch(/Undo this change\?[\s\S]*fabrikam\.com[\s\S]*Confirm/);
  });

  it('an Undo button for a change that is no longer the latest is refused with the reason', async () => {
    const first = await blockAndConfirm('fabrikam.com');
    await blockAndConfirm('tailspin.example');
    const before = bot.storeBytes();
    const replies = await step(bot, EAST_ADMIN, '!Undo', first);
    expect(allText(replies)).toMatch(/out of date[\s\S]*latest change[\s\S]*tailspin\.example[\s\S]*Nothing was changed/);
    expect(allText(replies)).not.toMatch(/Confirm/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('an Undo button of a change already undone is refused', async () => {
    const done = await blockAndConfirm('fabrikam.com');
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'undo'));
    const before = bot.storeBytes();
    const replies = await step(bot, EAST_ADMIN, '!Undo', done);
    expect(allText(replies)).toMatch(/out of date|already undone/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('an undo preview expires like any other after ten minutes', async () => {
    await blockAndConfirm('fabrikam.com');
    const preview = await bot.say(EAST_ADMIN, 'undo');
    const before = bot.storeBytes();
    bot.advance(10 * 60 * 1000 + 1);
    expect(allText(await step(bot, EAST_ADMIN, '!Confirm', preview))).toMatch(/expired/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a user pressing an admin’s Undo button is refused', async () => {
    const done = await blockAndConfirm('fabrikam.com');
    const before = bot.storeBytes();
    const replies = await step(bot, 'rob@contosoeast.com', '!Undo', done);
    expect(allText(replies)).toMatch(/Only an admin of Contoso East/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});

/** Issue 12 point 10: pending previews are bounded per sender (5) and in total (1,000), oldest dropped. */
describe('pending previews are bounded (issue 12.10)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('forged 3,800-domain previews: only the newest five of a sender are kept', async () => {
    const previews: ReplyActivity[][] = [];
    for (let n = 0; n < 12; n++) {
      const domains = Array.from({ length: 3800 }, (_, i) => `p${n}-${i}.io`);
      // Different conversations too: the bound is per sender, not per conversation.
      previews.push(
        await bot.invoke(EAST_ADMIN, 'run', { command: { kind: 'change', change: { kind: 'allowOnly', org: 'contoso-east', domains } } }, {
          conversation: { id: `forged-${n}`, conversationType: 'personal' },
        }),
      );
    }
    const before = bot.storeBytes();
    for (const old of previews.slice(0, 7)) {
      expect(allText(await step(bot, EAST_ADMIN, '!Cancel', old))).toMatch(/nothing to cancel/i);
    }
    expect(bot.storeBytes().equals(before)).toBe(true);
    for (const kept of previews.slice(7)) expect(allText(await step(bot, EAST_ADMIN, '!Cancel', kept))).toMatch(/Cancelled/);
  });
});
