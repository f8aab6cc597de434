import { allText, startTestBot, step, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';

/** Confirm applies the preview's own plan when nothing was committed since; what it shows must still be of its own time. */
describe('confirming the previewed plan', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({}, new Date('2026-11-24T10:00:00Z'));
  });
  afterEach(() => bot.close());

  it('is dated by the Confirm, not by the preview', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    bot.advance(9 * 60_000);
    const done = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(done)).toContain("Done in the bot's store");
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['fabrikam.com']);
    expect(bot.storeJson().audit.at(-1)?.time).toBe('2026-11-24T10:09:00.000Z');
  });

  it('of an earlier preview, after a later preview of another change, still applies what that one showed', async () => {
    const first = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    const second = await bot.say(EAST_ADMIN, 'block tailspin.com', { conversation: { id: 'other', conversationType: 'personal' } });
    await step(bot, EAST_ADMIN, '!Confirm', first);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['fabrikam.com']);
    const replies = await step(bot, EAST_ADMIN, '!Confirm', second);
    // The store moved on and the organization changed: the second preview is shown again, not applied blindly.
    expect(allText(replies)).toMatch(/changed since/i);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['fabrikam.com']);
  });
});
