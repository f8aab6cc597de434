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

  it('re-plan and ask again when the store changed between preview and confirm in a way that changes the preview', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    // Meanwhile, in another conversation, the same admin blocks another domain (no one loses reach:
    // applied at once) and the organization switches to block-specific mode, which the first preview
    // announced as part of its change.
    const other = { conversation: { id: 'other', conversationType: 'personal' } };
    await bot.say(EAST_ADMIN, 'block contoso.com', other);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['contoso.com']);
    const afterOther = bot.storeBytes();
    const replies = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(replies)).toMatch(/changed since/i);
    expect(bot.storeBytes().equals(afterOther)).toBe(true);
    // The fresh preview can be confirmed.
    await step(bot, EAST_ADMIN, '!Confirm', replies);
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['contoso.com', 'fabrikam.com']);
  });

  it('confirm as previewed when the store changed meanwhile in a way that does not change the preview', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    await bot.say(EAST_ADMIN, 'allow trial tenant trial.example.com', { conversation: { id: 'other', conversationType: 'personal' } });
    const replies = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(replies)).not.toMatch(/changed since/i);
    const east = bot.storeJson().organizations[0];
    expect(east?.settings.blockedDomains).toEqual(['fabrikam.com']);
    expect(east?.settings.allowedTrialTenantDomains).toEqual(['trial.example.com']);
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
