import { allText, startTestBot, type TestBot } from '../support/harness';

/**
 * Issue 12 point 6: forged card actions. A button's data is untrusted: it goes through the same
 * schema, domain validation, list limits and planner rules as typed text, and the change kinds only
 * undo makes (restore) cannot be sent at all. Each payload is sent as an Action.Execute invoke and as
 * an Action.Submit message; the store file must stay byte-for-byte the same, and a typed "yes"
 * afterwards must find nothing to confirm (no forged preview was kept either).
 */
const EAST_ADMIN = 'admin@contosoeast.com';
const east = 'contoso-east';
const many = (n: number) => Array.from({ length: n }, (_, i) => `d${i}.io`);
const restore = (fields: Record<string, unknown>) => ({ command: { kind: 'change', change: { kind: 'restore', org: east, ...fields } } });
const change = (c: Record<string, unknown>) => ({ command: { kind: 'change', change: { org: east, ...c } } });
const user = (address: string) => ({ address, displayName: 'Bob', coexistence: 'TeamsOnly', onPremises: false });

const forged: [name: string, verb: string, data: Record<string, unknown>][] = [
  ['restore: "not a domain" on the block list', 'run', restore({ settings: { blockedDomains: ['not a domain'] } })],
  ['restore: a wildcard *.evil.com', 'run', restore({ settings: { blockedDomains: ['*.evil.com'] } })],
  ['restore: markup as a domain', 'run', restore({ settings: { allowedDomains: ['<script>alert(1)</script>'] } })],
  ['restore: 20,000 domains (limit 4,000)', 'run', restore({ settings: { domainMode: 'allowSpecific', allowedDomains: many(20_000) } })],
  ['restore: delete the Global policy', 'run', restore({ policies: { Global: null } })],
  ['restore: replace a user with another organization’s address', 'run', restore({ users: { 'rob@contosoeast.com': user('bob@fabrikam.com') } })],
  ['restore: a user of another organization added', 'run', restore({ users: { 'bob@fabrikam.com': user('bob@fabrikam.com') } })],
  ['block "not a domain"', 'run', change({ kind: 'addBlocked', domains: ['not a domain'] })],
  ['block *.evil.com', 'run', change({ kind: 'addBlocked', domains: ['*.evil.com'] })],
  ['allow markup', 'run', change({ kind: 'addAllowed', domains: ['<script>alert(1)</script>'] })],
  ['allow only 20,000 domains', 'run', change({ kind: 'allowOnly', domains: many(20_000) })],
  ['a change to another organization', 'run', { command: { kind: 'change', change: { kind: 'setFederation', org: 'contoso-west', enabled: false } } }],
  ['a user policy for another organization’s address', 'run', change({ kind: 'setUserFederation', user: 'bob@fabrikam.com', enabled: false })],
  ['editList with markup', 'editList', { org: east, list: 'blocked', op: 'add', domain: '<script>alert(1)</script>' }],
  ['editList with a wildcard', 'editList', { org: east, list: 'allowed', op: 'add', domain: '*.evil.com' }],
];

describe('forged card actions change nothing (issue 12.6)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  const send = async (how: 'invoke' | 'submit', verb: string, data: Record<string, unknown>): Promise<string> => {
    // A body too large for the server is refused before the bot (any 4xx): that too changes nothing.
    const body = JSON.stringify(data);
    if (body.length > 200_000) {
      const value = how === 'invoke' ? { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } : { verb, ...data };
      const res = await bot.post({
        type: how === 'invoke' ? 'invoke' : 'message',
        ...(how === 'invoke' ? { name: 'adaptiveCard/action' } : { text: '' }),
        value,
        channelId: 'test',
        serviceUrl: 'http://127.0.0.1:9/',
        from: { id: EAST_ADMIN },
        recipient: { id: 'federation-assistant' },
        conversation: { id: `conv-${EAST_ADMIN}`, conversationType: 'personal' },
        deliveryMode: 'expectReplies',
      });
      const text = await res.text();
      return res.status === 200 ? allText((JSON.parse(text) as { activities: never[] }).activities) : `HTTP ${res.status} nothing`;
    }
    return allText(how === 'invoke' ? await bot.invoke(EAST_ADMIN, verb, data) : await bot.submit(EAST_ADMIN, { verb, ...data }));
  };

  it.each(forged.flatMap(([name, verb, data]) => (['invoke', 'submit'] as const).map((how) => [`${name} (${how})`, how, verb, data] as const)))(
    '%s',
    async (_name, how, verb, data) => {
      const before = bot.storeBytes();
      const text = await send(how, verb, data);
      expect(text).toMatch(/nothing|cannot|can't|not |only/i);
      expect(text).not.toMatch(/Confirm this change/);
      expect(bot.storeBytes().equals(before)).toBe(true);
      const yes = await bot.say(EAST_ADMIN, 'yes');
      expect(allText(yes)).toMatch(/nothing waiting/i);
      expect(bot.storeBytes().equals(before)).toBe(true);
    },
  );

  it('a well-formed change from a button is only previewed, and Confirm applies exactly it', async () => {
    const before = bot.storeBytes();
    const text = allText(await bot.invoke(EAST_ADMIN, 'run', change({ kind: 'addBlocked', domains: ['evil.example'] })));
    expect(text).toMatch(/Confirm this change[\s\S]*block evil\.example for Contoso East/);
    expect(bot.storeBytes().equals(before)).toBe(true);
    await bot.say(EAST_ADMIN, 'yes');
    expect(bot.storeJson().organizations[0]?.settings.blockedDomains).toEqual(['evil.example']);
  });
});
