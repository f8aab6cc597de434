import { ADMINS, allText, cardsOf, findAction, startTestBot, type TestBot } from '../support/harness';
import { CONTOSO_EAST_TENANT, CONTOSO_WEST_TENANT, fakeTeamsConnector, OTHER_TENANT, teamsFields } from './fakeTeams';

/** An Entra object id configured in BOT_ADMINS (a made-up GUID). */
const CASEY_OBJECT_ID = '5f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';

describe('in Teams, the admin role follows the tenant, not an email', () => {
  let bot: TestBot;
  let teams: { url: string; close: () => void };
  beforeAll(async () => {
    bot = await startTestBot({ BOT_ADMINS: `${ADMINS},${CASEY_OBJECT_ID}` });
    teams = await fakeTeamsConnector({
      // A member of another tenant whose roster email reads like Contoso East's admin.
      '29:impostor': { email: 'admin@contosoeast.com', name: 'Mallory', tenantId: OTHER_TENANT, aadObjectId: 'a0000000-0000-4000-8000-000000000001' },
      // The real one, signed in to Contoso East's tenant.
      '29:east-admin': { email: 'admin@contosoeast.com', name: 'Casey', tenantId: CONTOSO_EAST_TENANT, aadObjectId: 'a0000000-0000-4000-8000-000000000002' },
      // Not on any roster by address; an admin by object id (BOT_ADMINS).
      '29:casey': { email: 'casey@contosoeast.com', name: 'Casey', tenantId: CONTOSO_EAST_TENANT, aadObjectId: CASEY_OBJECT_ID },
      '29:west-admin': { email: 'admin@contosowest.com', name: 'Wes', tenantId: CONTOSO_WEST_TENANT, aadObjectId: 'a0000000-0000-4000-8000-000000000003' },
      '29:fabrikam-user': { email: 'pat@fabrikam.com', name: 'Pat', tenantId: OTHER_TENANT, aadObjectId: 'a0000000-0000-4000-8000-000000000004' },
    });
  });
  afterAll(async () => {
    teams.close();
    await bot.close();
  });

  it.each([
    ['from another tenant', '29:impostor', OTHER_TENANT, 'turn off external access'],
    ['from another tenant, naming the organization', '29:impostor', OTHER_TENANT, 'turn off external access for Contoso East'],
    ["claiming Contoso East's tenant in the activity while the roster says another", '29:impostor', CONTOSO_EAST_TENANT, 'turn off external access'],
    ["Contoso West's admin, for Contoso East", '29:west-admin', CONTOSO_WEST_TENANT, 'turn off external access for Contoso East'],
  ])('admin@contosoeast.com %s is refused and the store stays byte for byte the same', async (_name, who, tenant, says) => {
    const before = bot.storeBytes();
    const replies = await bot.say(who, says, teamsFields(teams.url, tenant, `conv-${who}-${tenant}`));
    const text = allText(replies);
    expect(text).not.toMatch(/^Confirm$/m);
    expect(text).toMatch(/could not tell who you are|Only an admin of Contoso East/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('the same request from Contoso East\'s tenant is previewed, and Confirm turns external access off', async () => {
    const fields = teamsFields(teams.url, CONTOSO_EAST_TENANT, 'conv-east-admin');
    const preview = await bot.say('29:east-admin', 'turn off external access', fields);
    expect(allText(preview)).toMatch(/^Confirm$/m);
    const action = cardsOf(preview).map((c) => findAction(c, /^Confirm/)).find((a) => a !== undefined);
    if (!action) throw new Error(`no Confirm in ${allText(preview)}`);
    const confirmed = await bot.invoke('29:east-admin', action.verb, action.data, fields);
    expect(allText(confirmed)).not.toMatch(/could not tell|Only an admin/);
    const east = bot.storeJson().organizations.find((o) => o.id === 'contoso-east');
    expect(east?.settings.allowFederatedUsers).toBe(false);
  });

  it('an object id in BOT_ADMINS makes an admin of its own tenant only', async () => {
    const own = await bot.say('29:casey', 'block fabrikam.com', teamsFields(teams.url, CONTOSO_EAST_TENANT, 'conv-casey'));
    // Previewed or done (no one is cut off once external access is off): either way not refused.
    expect(allText(own)).toMatch(/^(Confirm|Done)$/m);
    expect(allText(own)).not.toMatch(/could not tell|Only an admin/);
    const before = bot.storeBytes();
    const elsewhere = await bot.say('29:casey', 'block fabrikam.com for Contoso West', teamsFields(teams.url, CONTOSO_EAST_TENANT, 'conv-casey'));
    expect(allText(elsewhere)).toMatch(/Only an admin of Contoso West/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a member of a tenant known by name only can still ask questions', async () => {
    const replies = await bot.say('29:fabrikam-user', 'can I reach rob@contosoeast.com?', teamsFields(teams.url, OTHER_TENANT, 'conv-pat'));
    expect(allText(replies)).toMatch(/pat@fabrikam\.com|Fabrikam/);
  });
});
