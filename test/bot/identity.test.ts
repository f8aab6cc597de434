import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { allText, startTestBot, type TestBot } from '../support/harness';

/** A stand-in for the Teams connector: answers TeamsInfo.getMember like Teams does. */
function fakeTeamsConnector(members: Record<string, { email: string; name: string }>): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const m = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
    const member = m ? members[decodeURIComponent(m[1] ?? '')] : undefined;
    if (!member) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: m?.[1], name: member.name, email: member.email, userPrincipalName: member.email, aadObjectId: 'aad-1' }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

describe('who is asking', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('in Teams, is the email from TeamsInfo.getMember, not from.id', async () => {
    const teams = await fakeTeamsConnector({ '29:east-admin': { email: 'Admin@ContosoEast.com', name: 'Casey' } });
    try {
      const teamsActivity = { channelId: 'msteams', serviceUrl: teams.url, conversation: { id: 'teams-1', conversationType: 'personal' } };
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
