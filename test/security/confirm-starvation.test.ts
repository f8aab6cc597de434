import { allText, startTestBot, step, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';
const WEST_ADMIN = 'admin@contosowest.com';

/**
 * Issue 12 point 7: a pending confirmation went stale on any organization's change. Now it is stale
 * only when the organization it changes changed, or what it would do (before → after, who gains or
 * loses) is no longer what was shown.
 */
describe('confirmations do not starve (issue 12.7)', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  /** Contoso West changes something, confirmed, as fast as the bot answers, until told to stop. */
  const westKeepsChanging = (stop: { now: boolean }) =>
    (async () => {
      let changes = 0;
      while (!stop.now) {
        // A new domain each time, so every round is a real change of Contoso West.
        await step(bot, WEST_ADMIN, '!Confirm', await bot.say(WEST_ADMIN, `block noise${changes}.example`));
        changes++;
      }
      return changes;
    })();

  it('10 confirms of Contoso East all land while Contoso West changes all the time', async () => {
    const stop = { now: false };
    const west = westKeepsChanging(stop);
    let landed = 0;
    for (let i = 0; i < 10; i++) {
      const preview = await bot.say(EAST_ADMIN, `block east${i}.example`);
      // At least one change of another organization lands between this preview and its Confirm.
      await step(bot, WEST_ADMIN, '!Confirm', await bot.say(WEST_ADMIN, `allow trial tenant w${i}.example`));
      const done = allText(await step(bot, EAST_ADMIN, '!Confirm', preview));
      if (/^Done/m.test(done)) landed++;
    }
    stop.now = true;
    const westChanges = await west;
    expect(landed).toBe(10);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toHaveLength(10);
    expect(westChanges).toBeGreaterThan(0);
  });

  it('a change to the same organization that leaves the preview as shown does not make it stale', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'allow trial tenant trial.example.com', { conversation: { id: 'other', conversationType: 'personal' } }));
    const done = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(done)).toMatch(/Done[\s\S]*fabrikam\.com/);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['fabrikam.com']);
  });

  it('a change to the same organization that changes what the preview does re-asks, and stores nothing', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'turn off external access', { conversation: { id: 'other', conversationType: 'personal' } }));
    const before = bot.storeBytes();
    const again = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(again)).toMatch(/changed since/);
    expect(allText(again)).toMatch(/Confirm this change/);
    expect(bot.storeBytes().equals(before)).toBe(true);
    await step(bot, EAST_ADMIN, '!Confirm', again);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['fabrikam.com']);
  });

  it('another organization’s change that alters who is affected re-asks', async () => {
    // West allowing only fabrikam.com cuts East off; East's own "turn off external access" then
    // affects West differently than the preview showed.
    const preview = await bot.say(EAST_ADMIN, 'turn off external access');
    await step(bot, WEST_ADMIN, '!Confirm', await bot.say(WEST_ADMIN, 'allow only fabrikam.com'));
    const before = bot.storeBytes();
    const again = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(again)).toMatch(/changed since/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});
