import { allText, cardsOf, findAction, startTestBot, type TestBot } from '../support/harness';

/**
 * Issue 13's new answers, through the real endpoint: a hypothetical shows the impact and changes
 * nothing; several changes in one message are one preview, one Confirm, one audit entry and one undo;
 * how-to and unknown-feature answers say what they should.
 */
const ADMIN = 'admin@contosoeast.com';
const ROB = 'rob@contosoeast.com';

const verdict = async (bot: TestBot, from: string, to: string): Promise<string> =>
  /^(Reachable|Not reachable|Depends)/m.exec(allText(await bot.say(ADMIN, `can ${from} reach ${to}?`)))?.[1] ?? '';

async function sayAndConfirm(bot: TestBot, who: string, text: string): Promise<string> {
  const replies = await bot.say(who, text);
  const confirm = cardsOf(replies).map((c) => findAction(c, /^Confirm/i)).find((a) => a !== undefined);
  if (!confirm) return allText(replies);
  return allText(await bot.invoke(who, confirm.verb, confirm.data));
}

describe('issue 13 answers through the bot', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it('a hypothetical shows the impact, offers no Confirm and changes nothing', async () => {
    const before = bot.storeBytes();
    const replies = await bot.say(ADMIN, 'what happens if I block contosowest.com?');
    const text = allText(replies);
    expect(text).toMatch(/nothing was changed/i);
    expect(text).toMatch(/contosowest\.com/);
    expect(cardsOf(replies).some((c) => findAction(c, /^(Confirm|Yes)/i))).toBe(false);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('two changes in one message: one preview, one Confirm, one audit entry, one undo takes back both', async () => {
    const replies = await bot.say(ADMIN, 'turn off unmanaged Teams accounts and block contosowest.com');
    expect(cardsOf(replies).filter((c) => findAction(c, /^Confirm/i)).length).toBe(1);
    const confirm = cardsOf(replies).map((c) => findAction(c, /^Confirm/i)).find((a) => a !== undefined);
    await bot.invoke(ADMIN, confirm!.verb, confirm!.data);
    expect(await verdict(bot, ROB, 'ann@contosowest.com')).toBe('Not reachable');
    expect(await verdict(bot, ROB, 'alice@outlook.com')).toBe('Not reachable');
    expect(bot.storeJson().audit).toHaveLength(1);
    await sayAndConfirm(bot, ADMIN, 'undo');
    expect(await verdict(bot, ROB, 'ann@contosowest.com')).toBe('Reachable');
    expect(await verdict(bot, ROB, 'alice@outlook.com')).toBe('Reachable');
  });

  it('one person talks only to some domains; everyone else keeps the organization rule', async () => {
    await sayAndConfirm(bot, ADMIN, 'let rob@contosoeast.com talk only to fabrikam.com');
    expect(await verdict(bot, ROB, 'ann@contosowest.com')).toBe('Not reachable');
    expect(await verdict(bot, ROB, 'bob@fabrikam.com')).toBe('Depends');
    expect(await verdict(bot, ADMIN, 'ann@contosowest.com')).toBe('Reachable');
    await sayAndConfirm(bot, ADMIN, "put rob@contosoeast.com back to the organization's settings");
    expect(await verdict(bot, ROB, 'ann@contosowest.com')).toBe('Reachable');
  });

  it('a how-to question gets the admin-center path, the PowerShell and the chat command', async () => {
    const before = bot.storeBytes();
    const text = allText(await bot.say(ADMIN, 'how do I block a specific domain in Teams external access?'));
    expect(text).toMatch(/Teams admin center/);
    expect(text).toMatch(/Set-CsTenantFederationConfiguration/);
    expect(text).toMatch(/block fabrikam\.com/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('an unknown feature is said honestly, with the closest rows', async () => {
    const text = allText(await bot.say(ROB, 'why are messaging extensions not available in meetings and chats with federated users?'));
    expect(text).toMatch(/I don't have “messaging extensions”/);
    expect(text).toMatch(/Be invited to a meeting/);
  });

  it('who changed a setting gets the history entries of that setting only', async () => {
    await sayAndConfirm(bot, ADMIN, 'block all external domains');
    await sayAndConfirm(bot, ADMIN, 'block unmanaged Teams accounts');
    const text = allText(await bot.say(ADMIN, 'who changed our external access to Block all external domains?'));
    expect(text).toMatch(/^History/m);
    expect(text).toMatch(/Block all external domains/);
    expect(text).not.toMatch(/unmanaged/i);
  });
});
