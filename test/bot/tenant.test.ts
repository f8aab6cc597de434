import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEAMS_FILE_DOWNLOAD } from '../../src/bot/attachments';
import { allText, cardsOf, findAction, startTestBot, step, type ReplyActivity, type TestBot } from '../support/harness';
import { sample } from '../tenant/fixtures';

const EAST_ADMIN = 'admin@contosoeast.com';
const ROB = 'rob@contosoeast.com';

/** Presses Confirm when the reply is a preview (every change previews once confirmations are uniform). */
async function confirmIfPreviewed(bot: TestBot, who: string, replies: ReplyActivity[]): Promise<ReplyActivity[]> {
  const hasConfirm = cardsOf(replies).some((c) => findAction(c, /^Confirm/));
  return hasConfirm ? step(bot, who, '!Confirm', replies) : replies;
}

const east = (bot: TestBot) => bot.storeJson().organizations.find((o) => o.id === 'contoso-east')!;

describe('the real tenant in chat', () => {
  let bot: TestBot;
  let files: Server;
  let base: string;
  const served = new Map<string, string>();
  beforeAll(async () => {
    files = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.statusCode = body === undefined ? 404 : 200;
      res.setHeader('content-type', 'application/octet-stream');
      res.end(body ?? '');
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => files.close(() => resolve())));
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('an admin pastes Get-CsTenantFederationConfiguration JSON: preview, Confirm, audited as imported, verdicts follow', async () => {
    const before = bot.storeBytes();
    const preview = await bot.say(EAST_ADMIN, sample('federation-blocklist.json'));
    const text = allText(preview);
    expect(text).toMatch(/Read from Get-CsTenantFederationConfiguration/);
    expect(text).toMatch(/Not managed here \(kept in the tenant as they are\): AllowPublicUsers = false/);
    expect(text).toMatch(/Imported the organization settings of Contoso East/);
    expect(text).toMatch(/This takes over what Get-CsTenantFederationConfiguration says for Contoso East/);
    expect(bot.storeBytes().equals(before)).toBe(true);
    const done = await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(allText(done)).toMatch(/PowerShell that makes this change in the tenant/);
    expect(allText(done)).toMatch(/Set-CsTenantFederationConfiguration -BlockAllSubdomains \$true -AllowTeamsConsumerInbound \$false -BlockedDomains @\\?\{Add=\$blockAdd\\?\}/);
    expect(east(bot).settings).toMatchObject({ domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com', 'northwindtraders.com', 'tailspintoys.com'] });
    const audit = bot.storeJson().audit;
    expect(audit[audit.length - 1]).toMatchObject({ request: 'imported from pasted text', change: { kind: 'import', source: 'Get-CsTenantFederationConfiguration' }, summary: expect.stringMatching(/^Imported /) });
    const verdict = await bot.say(ROB, 'can rob@contosoeast.com chat with zoe@fabrikam.com?');
    expect(allText(verdict)).toMatch(/fabrikam\.com is on the blocked list/);
  });

  it('what the bot does not model is kept: in the store after Confirm, on "show settings", in every export, and undo takes it away', async () => {
    const exported = async (say: string): Promise<string> => {
      const replies = await bot.say(EAST_ADMIN, say);
      const file = replies[0]?.attachments?.find((a) => typeof (a as { name?: string }).name === 'string') as { contentUrl?: string } | undefined;
      return Buffer.from(file?.contentUrl?.split(',')[1] ?? '', 'base64').toString('utf8');
    };
    const preview = await bot.say(EAST_ADMIN, sample('federation-blocklist.json'));
    expect(allText(preview)).toMatch(/Not managed here \(kept in the tenant as they are\): AllowPublicUsers = false/);
    expect(allText(preview)).toMatch(/Not managed here \(as read from the tenant\)\n\(none\)\n→\n8 properties\n/);
    expect(east(bot).tenantExtras).toBeUndefined();
    await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(east(bot).tenantExtras.federation).toMatchObject({ AllowPublicUsers: false, TreatDiscoveredPartnersAsUnverified: false, CustomizeFederation: false, ScopeClass: 'Global' });
    expect(east(bot).tenantExtras.federation.Anchor).toMatch(/^\{"ScopeClass":"Global"/);

    expect(allText(await bot.say(ROB, 'show settings'))).toMatch(/Not managed here \(as imported from the tenant\): AllowPublicUsers = False; TreatDiscoveredPartnersAsUnverified = False;.*; Anchor = \{"ScopeClass"/);
    const json = JSON.parse(await exported('export our settings as json')) as { NotManagedHere?: { federation?: Record<string, unknown> } };
    expect(json.NotManagedHere?.federation).toMatchObject({ AllowPublicUsers: false, SharedSipAddressSpace: false });

    // Undo the import: what it kept goes with it.
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'undo'));
    expect(east(bot).tenantExtras).toBeUndefined();
    expect(allText(await bot.say(ROB, 'show settings'))).not.toMatch(/Not managed here/);
    expect(await exported('export our settings as json')).not.toMatch(/NotManagedHere/);

    // Imported again, then the policies: their own properties join the configuration's.
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, sample('federation-blocklist.json')));
    served.set('/policies.json', sample('external-access-policies.json'));
    const policies = await bot.say(EAST_ADMIN, '', { attachments: [{ contentType: TEAMS_FILE_DOWNLOAD, name: 'policies.json', content: { downloadUrl: `${base}/policies.json`, fileType: 'json' } }] });
    await step(bot, EAST_ADMIN, '!Confirm', policies);
    expect(east(bot).tenantExtras.federation).toMatchObject({ AllowPublicUsers: false });
    expect(east(bot).tenantExtras.policies.Sales).toMatchObject({ EnableXmppAccess: false, Description: 'Sales talks only to partners' });

    const ps = await exported('export our settings as PowerShell');
    expect(ps).toMatch(/^# AllowPublicUsers = False \(not managed here; left as it is in the tenant\)$/m);
    expect(ps).toMatch(/^# Policy Sales: EnableXmppAccess = False \(not managed here; left as it is in the tenant\)$/m);
    expect(ps).not.toMatch(/^[^#\n]*(AllowPublicUsers|EnableXmppAccess)/m);
    const dsc = await exported('export as DSC');
    expect(dsc).toMatch(/^ {12}# AllowPublicUsers = False \(not managed here; left as it is in the tenant\)$/m);
    expect(dsc).not.toMatch(/^ {12}(AllowPublicUsers|EnableXmppAccess) +=/m);

    // Undoing the policies import leaves the configuration's.
    await step(bot, EAST_ADMIN, '!Confirm', await bot.say(EAST_ADMIN, 'undo'));
    expect(east(bot).tenantExtras).toEqual({ federation: expect.objectContaining({ AllowPublicUsers: false }) });
  });

  it.each([
    ['prose that starts like JSON', '{ this is not json', /not valid JSON/],
    ['another cmdlet', sample('meeting-policy.json'), /looks like the output of Get-CsTeamsMeetingPolicy/],
    ['another tenant', sample('federation-other-tenant.json'), /does not look like Contoso East's tenant: it lists contosoeast.com/],
  ])('bad input (%s) gets a precise answer and changes nothing', async (_name, text, reason) => {
    const before = bot.storeBytes();
    const replies = await bot.say(EAST_ADMIN, text);
    expect(allText(replies)).toMatch(reason);
    expect(allText(replies)).toMatch(/Nothing was changed/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a user who is not an admin is refused, politely', async () => {
    const replies = await bot.say(ROB, sample('federation-blocklist.json'));
    expect(allText(replies)).toMatch(/Only an admin of Contoso East can change its settings/);
  });

  it('a Teams file upload (file.download.info) is fetched and previewed', async () => {
    served.set('/policies.json', sample('external-access-policies.json'));
    const preview = await bot.say(EAST_ADMIN, '', { attachments: [{ contentType: TEAMS_FILE_DOWNLOAD, name: 'policies.json', content: { downloadUrl: `${base}/policies.json`, fileType: 'json' } }] });
    expect(allText(preview)).toMatch(/Imported 3 external access policies of Contoso East from Get-CsExternalAccessPolicy/);
    await step(bot, EAST_ADMIN, '!Confirm', preview);
    expect(east(bot).policies.map((p: { name: string }) => p.name)).toEqual(['Global', 'Sales', 'NoFederation']);
  });

  it('a CSV attachment with "block these" is a whole list', async () => {
    served.set('/partners.csv', 'Domain,Owner\nfabrikam.com,Legal\nnorthwindtraders.com,Legal\nbad domain,x\n');
    const preview = await bot.say(EAST_ADMIN, 'block these', { attachments: [{ contentType: 'text/csv', name: 'partners.csv', contentUrl: `${base}/partners.csv` }] });
    expect(allText(preview)).toMatch(/Read a list of 2 domains/);
    expect(allText(preview)).toMatch(/Skipped 1 invalid entry: .*bad domain/);
    await confirmIfPreviewed(bot, EAST_ADMIN, preview);
    expect(east(bot).settings.blockedDomains).toEqual(['fabrikam.com', 'northwindtraders.com']);
    const audit = bot.storeJson().audit;
    expect(audit[audit.length - 1]).toMatchObject({ request: 'addBlocked from a list in an attached file' });
  });

  it('an attachment from anywhere but the file service is not fetched', async () => {
    const before = bot.storeBytes();
    const replies = await bot.say(EAST_ADMIN, 'import this', { attachments: [{ contentType: 'application/json', contentUrl: 'https://files.example.net/x.json', name: 'x.json' }] });
    expect(allText(replies)).toMatch(/only fetch attachments from Teams' own file service, not from files.example.net/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it.each([
    ['export our settings as PowerShell', /external access as PowerShell/, /Set-CsTenantFederationConfiguration -AllowFederatedUsers \$true/, 'contoso-east-external-access.ps1'],
    ['export as DSC', /external access as Microsoft365DSC/, /TeamsFederationConfiguration "FederationConfiguration"/, 'contoso-east-external-access.dsc.ps1'],
    ['export our settings as json', /external access as JSON/, /"FederationAssistantExport": 1/, 'contoso-east-external-access.json'],
  ])('"%s": a code block and a file, nothing changed', async (say, title, code, file) => {
    const before = bot.storeBytes();
    const replies = await bot.say(EAST_ADMIN, say);
    expect(allText(replies)).toMatch(title);
    expect(allText(replies)).toMatch(code);
    const attached = replies[0]?.attachments?.find((a) => (a as { name?: string }).name === file) as { contentUrl?: string } | undefined;
    expect(attached?.contentUrl).toMatch(/^data:/);
    expect(Buffer.from(attached!.contentUrl!.split(',')[1]!, 'base64').toString('utf8')).toMatch(code);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('"compare with this export": the differences, nothing changed', async () => {
    const before = bot.storeBytes();
    const replies = await bot.say(EAST_ADMIN, `compare with this export:\n${sample('federation-blocklist.json')}`);
    const text = allText(replies);
    expect(text).toMatch(/Compared with Get-CsTenantFederationConfiguration/);
    expect(text).toMatch(/Blocked domains\n\(none\) → fabrikam.com, northwindtraders.com, tailspintoys.com/);
    expect(text).toMatch(/Nothing was changed/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('compare with our own export: it matches', async () => {
    const exported = await bot.say(EAST_ADMIN, 'export our settings as json');
    const file = exported[0]?.attachments?.find((a) => (a as { name?: string }).name?.endsWith('.json')) as { contentUrl?: string } | undefined;
    const json = Buffer.from(file?.contentUrl?.split(',')[1] ?? '', 'base64').toString('utf8');
    expect(json).toMatch(/^\{/);
    const replies = await bot.say(ROB, `compare with this export ${json}`);
    expect(allText(replies)).toMatch(/The export matches what I hold for Contoso East/);
  });

  it('a 3,000-domain paste: one preview with the count and the first few, invalid entries listed and skipped, one Confirm', async () => {
    const domains = Array.from({ length: 3000 }, (_, i) => `p${i}.co`);
    const text = `block\n${[...domains.slice(0, 1500), 'not-a-domain!', '*.wild.com', ...domains.slice(1500)].join('\n')}`;
    expect(text.length).toBeGreaterThan(20_000);
    expect(text.length).toBeLessThan(28_000);
    const before = bot.storeBytes();
    const preview = await bot.say(EAST_ADMIN, text);
    const shown = allText(preview);
    expect(shown).toMatch(/Read a list of 3,000 domains/);
    expect(shown).toMatch(/3,000 domains: p0\.co, p1\.co, p2\.co, p3\.co, p4\.co, p5\.co, p6\.co, p7\.co, p8\.co, p9\.co, …/);
    expect(shown).toMatch(/Skipped 2 invalid entries: .*not-a-domain!.* has no top-level domain; .*\*\.wild\.com.* has a wildcard/);
    const done = await confirmIfPreviewed(bot, EAST_ADMIN, preview);
    expect(bot.storeBytes().equals(before)).toBe(false);
    expect(east(bot).settings.blockedDomains).toHaveLength(3000);
    expect(allText(done)).toMatch(/more lines not shown here: the attached contoso-east-change-/);
    // Every card of the exchange fits a Teams message.
    for (const card of cardsOf([...preview, ...done])) expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  it('a comma-separated list of 40 on one line is a list too; a short one still goes to the parser', async () => {
    const list = Array.from({ length: 40 }, (_, i) => `partner${i}.com`).join(', ');
    const preview = await bot.say(EAST_ADMIN, `block ${list}`);
    expect(allText(preview)).toMatch(/Read a list of 40 domains/);
    const short = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    expect(allText(short)).not.toMatch(/Read a list/);
  });
});
