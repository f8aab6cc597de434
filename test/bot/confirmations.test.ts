import { allText, cardsOf, findAction, startTestBot, step, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';

describe('confirmations', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('expire after ten minutes and then change nothing', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    const before = bot.storeBytes();
    bot.advance(10 * 60 * 1000 + 1);
    const replies = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(replies)).toMatch(/expired/i);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('still work just before ten minutes', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    bot.advance(10 * 60 * 1000 - 1000);
    await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['fabrikam.com']);
  });

  it('re-plan and ask again when the store changed between preview and confirm', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    // Meanwhile, in another conversation, the same admin turns the organization's external access off:
    // blocking fabrikam.com no longer changes who can reach whom, as the preview said.
    const other = await bot.say(EAST_ADMIN, 'turn off external access', { conversation: { id: 'other', conversationType: 'personal' } });
    await step(bot, EAST_ADMIN, '!Confirm', other);
    const afterOther = bot.storeBytes();
    const replies = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(replies)).toMatch(/changed since/i);
    expect(bot.storeBytes().equals(afterOther)).toBe(true);
    // The fresh preview can be confirmed.
    await step(bot, EAST_ADMIN, '!Confirm', replies);
    const east = bot.storeJson().organizations[0];
    expect(east?.settings.blockedDomains).toEqual(['fabrikam.com']);
    expect(east?.settings.allowFederatedUsers).toBe(false);
  });

  it('record the actor and the request as typed in the audit log', async () => {
    const preview = await bot.say(EAST_ADMIN, 'please block fabrikam.com');
    await step(bot, EAST_ADMIN, '!Confirm', preview);
    const [entry] = bot.storeJson().audit;
    expect(entry).toMatchObject({ orgId: 'contoso-east', request: 'please block fabrikam.com', actor: { address: EAST_ADMIN } });
  });

  it('work through the Action.Submit fallback as well', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    const confirm = cardsOf(preview).map((c) => findAction(c, /^Confirm/)).find(Boolean);
    expect(confirm).toBeDefined();
    await bot.submit(EAST_ADMIN, { verb: confirm?.verb, ...confirm?.data });
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['fabrikam.com']);
  });
});
