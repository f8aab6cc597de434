import { allText, startTestBot, type TestBot } from '../support/harness';

const ANN = 'ann@contosowest.com';

/**
 * "can I reach Fabrikam?": an organization named, not its domain, on either side of a reach
 * question. It used to be read as the address "someone@Fabrikam" and answered "Not reachable: not an
 * email address" — a verdict, and a wrong one.
 */
describe('reach questions that name an organization, through the real endpoint', () => {
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

  it.each<Row>([
    ['can I reach Fabrikan?', /^I don't know an organization called "Fabrikan"\. Did you mean Fabrikam\?$/m],
    ['can we reach Northwind Traders?', /^I don't know an organization called "Northwind Traders"\. Ask with its domain or an address instead, for example "can I reach rob@fabrikam\.com\?"\.$/m],
  ])('%j: not known here, so no verdict', async (says, answer) => {
    const before = bot.storeBytes();
    const text = allText(await bot.say(ANN, says));
    expect(text).toMatch(answer);
    expect(text).not.toMatch(/reachable|Depends on/i);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});
