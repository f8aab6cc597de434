import { allText, startTestBot, step, type TestBot } from '../support/harness';

const ANN = 'ann@contosowest.com';
const ROB = 'rob@contosoeast.com';
const EAST_ADMIN = 'admin@contosoeast.com';

/**
 * "can I reach Fabrikam?", "can Contoso West reach us?", "is Fabrikam blocked?": an organization
 * named, not its domain. "can I reach Fabrikam?" used to be read as the address "someone@Fabrikam"
 * and answered "Not reachable: not an email address" — a verdict, and a wrong one; the other two
 * were not understood.
 */
describe('questions that name an organization instead of its domain, through the real endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  type Row = [says: string, answer: RegExp];
  it.each<Row>([
    ['can I reach Contoso East?', /^Reachable\nann@contosowest\.com ↔ someone@contosoeast\.com$/m],
    ["why can't I call Contoso East?", /^Reachable\nann@contosowest\.com ↔ someone@contosoeast\.com$/m],
    ['can rob@contosoeast.com reach Contoso West?', /^Reachable\nrob@contosoeast\.com ↔ someone@contosowest\.com$/m],
    ['can I reach Fabrikam?', /^Depends on Fabrikam\nann@contosowest\.com ↔ someone@fabrikam\.com$/m],
    ['can Contoso East and Fabrikam chat?', /^Depends on Fabrikam\nsomeone@contosoeast\.com ↔ someone@fabrikam\.com$/m],
  ])('%j: the verdict for anyone at its domain', async (says, answer) => {
    const text = allText(await bot.say(ANN, says));
    expect(text).toMatch(answer);
    expect(text).not.toMatch(/not an email address/);
  });

  it('"can Contoso West reach us?" and "why can\'t Fabrikam call me?": the verdict between the sender and anyone there', async () => {
    expect(allText(await bot.say(ROB, 'can Contoso West reach us?'))).toMatch(/^Reachable\nrob@contosoeast\.com ↔ someone@contosowest\.com$/m);
    expect(allText(await bot.say(ANN, "why can't Fabrikam call me?"))).toMatch(/^Depends on Fabrikam\nann@contosowest\.com ↔ someone@fabrikam\.com$/m);
  });

  it('"is Fabrikam blocked?": the status of its domain for the sender\'s organization, before and after it is blocked', async () => {
    expect(allText(await bot.say(ROB, 'is Fabrikam blocked?'))).toMatch(/^Allowed: fabrikam\.com for Contoso East$/m);
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'block fabrikam.com'));
    expect(allText(await bot.say(ROB, 'is Fabrikam blocked?'))).toMatch(/^Blocked: fabrikam\.com for Contoso East$/m);
  });

  it('"can Gmail users reach us?": a public mail service by name is a personal Teams account at its domain', async () => {
    expect(allText(await bot.say(ROB, 'can Gmail users reach us?'))).toMatch(/^Reachable\nrob@contosoeast\.com ↔ someone@gmail\.com\n.*a personal Teams account/m);
    expect(allText(await bot.say(ANN, 'can I chat with Outlook users?'))).toMatch(/^Reachable\nann@contosowest\.com ↔ someone@outlook\.com$/m);
  });

  it('words that are not organizations keep their meaning: "is Teams blocked?" shows the blocked list', async () => {
    const text = allText(await bot.say(ROB, 'is Teams blocked?'));
    expect(text).not.toMatch(/I don't know an organization/);
    expect(text).toMatch(/Blocked domains/i);
  });

  it.each<Row>([
    ['is Fabrikan blocked?', /^I don't know an organization called "Fabrikan"\. Did you mean Fabrikam\?$/m],
    ['is Northwind blocked?', /^I don't know an organization called "Northwind"\. Ask with its domain instead, for example "is fabrikam\.com blocked\?"\.$/m],
    ['can I reach Fabrikan?', /^I don't know an organization called "Fabrikan"\. Did you mean Fabrikam\?$/m],
    ['can we reach Northwind Traders?', /^I don't know an organization called "Northwind Traders"\. Ask with its domain or an address instead, for example "can I reach rob@fabrikam\.com\?"\.$/m],
  ])('%j: not known here, so no verdict', async (says, answer) => {
    const before = bot.storeBytes();
    const text = allText(await bot.say(ANN, says));
    expect(text).toMatch(answer);
    expect(text).not.toMatch(/reachable|Depends on|Allowed:|Blocked:/i);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});
