import { allText, cardsOf, findAction, startTestBot, step, type ReplyActivity, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';
const ROB = 'rob@contosoeast.com';

/** Issue 15: a request naming an organization that is not known but close gets "did you mean …?". */
describe('an unknown organization close to a known one: did you mean, through the real endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('"shwo setings for contoso wset" offers Contoso West; its button asks again and shows Contoso West', async () => {
    const before = bot.storeBytes();
    const replies = await bot.say(EAST_ADMIN, 'shwo setings for contoso wset');
    expect(allText(replies)).toMatch(/^I could not do that\nI don't know an organization called "contoso wset"\. Did you mean Contoso West\?\nDid you mean\nshow settings for Contoso West\n/);
    const button = cardsOf(replies).map((c) => findAction(c, /^show settings for Contoso West$/)).find(Boolean);
    // It sends the corrected request as text: the same parse and preview rules as typing it.
    expect(button).toEqual({ verb: 'say', data: { text: 'show settings for Contoso West' } });
    const shown = await step(bot, EAST_ADMIN, '!show settings for Contoso West', replies);
    expect(allText(shown)).toMatch(/^External access — Contoso West$/m);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a corrected change only previews: Confirm is still needed', async () => {
    const before = bot.storeBytes();
    const replies = await bot.say(EAST_ADMIN, 'block x.com for contso east');
    expect(allText(replies)).toMatch(/I don't know an organization called "contso east"\. Did you mean Contoso East\?[\s\S]*^block x\.com for Contoso East$/m);
    const preview = await step(bot, EAST_ADMIN, '!block x.com for Contoso East', replies);
    expect(allText(preview)).toMatch(/Confirm this change\?[\s\S]*Contoso East[\s\S]*x\.com[\s\S]*Confirm/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  type Row = [who: string, says: string, offered: RegExp | undefined];
  it.each<Row>([
    [EAST_ADMIN, 'show settings for contoso', /Did you mean Contoso East or Contoso West\?[\s\S]*show settings for Contoso East\nshow settings for Contoso West/],
    [ROB, 'is fabrikam.com blocked in contoso wset?', /Did you mean Contoso West\?[\s\S]*is fabrikam\.com blocked for Contoso West\?/],
    [ROB, 'show settings for fabrikan', /Did you mean Fabrikam\?/],
    [EAST_ADMIN, 'show settings for contosowset.com', /Did you mean Contoso West\?/],
    [EAST_ADMIN, 'what is blocked in contosowset', /Did you mean Contoso West\?[\s\S]*show blocked domains for Contoso West/],
    // Nothing near: no guess.
    [EAST_ADMIN, 'show settings for Northwind Traders', undefined],
    [EAST_ADMIN, 'show settings for blah', undefined],
    // Only an admin may change, so only their own organizations are offered for a change…
    [ROB, 'block x.com for contso east', undefined],
    // …and history is for an organization's own people.
    [EAST_ADMIN, 'history for contoso wset', undefined],
  ])('%s: %j', async (who, says, offered) => {
    const before = bot.storeBytes();
    const text = allText(await bot.say(who, says));
    expect(text).toMatch(/I don't know an organization called/);
    if (offered) expect(text).toMatch(offered);
    else expect(text).not.toMatch(/Did you mean/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a joined name that is exact needs no guess: "show settings for contosowest"', async () => {
    expect(allText(await bot.say(ROB, 'show settings for contosowest'))).toMatch(/^External access — Contoso West$/m);
  });

  it('the suggestion button of a change pressed by someone else is refused as any typed change', async () => {
    const replies: ReplyActivity[] = await bot.say(EAST_ADMIN, 'block x.com for contso east');
    const before = bot.storeBytes();
    const pressed = await step(bot, ROB, '!block x.com for Contoso East', replies);
    expect(allText(pressed)).toMatch(/Only an admin of Contoso East/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});
