import { allText, startTestBot, type TestBot } from '../support/harness';
import { CONTOSO_EAST_TENANT, fakeTeamsConnector, teamsFields } from '../security/fakeTeams';

describe('who is asking', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('in Teams, is the email from TeamsInfo.getMember, not from.id', async () => {
    const teams = await fakeTeamsConnector({ '29:east-admin': { email: 'Admin@ContosoEast.com', name: 'Casey' } });
    try {
      const teamsActivity = teamsFields(teams.url, CONTOSO_EAST_TENANT, 'teams-1');
      const replies = await bot.say('29:east-admin', 'block fabrikam.com', teamsActivity);
      expect(allText(replies)).toMatch(/Confirm/);
      const refused = await bot.say('29:someone-else', 'block fabrikam.com', teamsActivity);
      expect(allText(refused)).toMatch(/could not tell who you are/);
    } finally {
      teams.close();
    }
  });

  it('without a known address, can still ask about named addresses but change nothing', async () => {
    const before = bot.storeBytes();
    const answer = await bot.say('user-without-email', 'can ann@contosowest.com reach rob@contosoeast.com?');
    expect(allText(answer)).toMatch(/^Reachable/m);
    const why = await bot.say('user-without-email', "why can't I reach rob@contosoeast.com?");
    expect(allText(why)).toMatch(/name both people/);
    const change = await bot.say('user-without-email', 'block fabrikam.com');
    expect(allText(change)).toMatch(/could not tell/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});
