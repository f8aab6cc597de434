import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import labels from '../../data/admin-center-labels.json';
import { DOMAIN_LIST_LIMIT, MODE_LABELS, evaluateReach, plan } from '../../src/policy';
import type { Change, DomainMode, PolicyModel } from '../../src/policy';
import * as ps from '../../src/policy/powershell';
import { CURRENT_SCHEMA_VERSION, storeFileSchema } from '../../src/store/fileSchema';
import { migrate } from '../../src/store/migrations';
import { validateFull } from '../../src/store/validateFile';
import demoSeed from '../../data/demo-policy.json';
import { admin, demoModel, eastWest, policy, tenant, user } from './fixtures';
import { addresses, randomModel } from './generators';
import { forAll } from './prng';

/**
 * Issue 14, point by point. Each test names the Microsoft documentation it follows; where
 * shared/reference/federation-rules.md said otherwise the test states the corrected fact.
 */
const ROB = 'rob@east.com';
const ANN = 'ann@west.com';
const BOB = 'bob@fabrikam.com';
const withFabrikam = (east: Parameters<typeof eastWest>[0] = {}): PolicyModel => eastWest(east, {}, tenant('fabrikam', 'Fabrikam', { managed: false }));
/**
 * A store file at the current schema version holding `organizations`: the shipped demo store, migrated
 * as the store migrates it on open, with its organizations replaced (the audit log lives in the state
 * file only while the schema has a place for it).
 */
function storeFile(organizations: unknown[]): unknown {
  const migrated = migrate(JSON.parse(JSON.stringify(demoSeed)), CURRENT_SCHEMA_VERSION);
  if (!migrated.ok) throw new Error(migrated.problem);
  const { audit, ...rest } = migrated.file as Record<string, unknown>;
  return { ...rest, ...('audit' in storeFileSchema.shape ? { audit } : {}), organizations };
}
const domainFixOf = (m: PolicyModel, from: string, to: string) => evaluateReach(m, from, to).checks.find((c) => c.id === 'org.domainRule' && c.side === 'to')?.fix;

describe('1. a fix for an organization whose settings are unknown is safe to run (Set-CsTenantFederationConfiguration, Microsoft Learn)', () => {
  it('says how to check first, then gives the block-list and the allow-list command, labelled', () => {
    const fix = domainFixOf(withFabrikam(), ROB, BOB);
    expect(fix?.check).toMatch(/^Get-CsTenantFederationConfiguration \| Format-List AllowFederatedUsers, AllowedDomains, BlockedDomains/);
    // Example 3: -BlockedDomains @{Remove=$x} with $x from New-CsEdgeDomainPattern.
    expect(fix?.options?.[0]).toMatchObject({ when: expect.stringContaining('AllowedDomains is AllowAllKnownDomains'), powershell: 'Set-CsTenantFederationConfiguration -BlockedDomains @{Remove=(New-CsEdgeDomainPattern -Domain "east.com")}' });
    // Example 7: -AllowedDomainsAsAList @{Add=$list} with a Collections.Generic.List[String].
    expect(fix?.options?.[1]).toMatchObject({ when: expect.stringContaining('AllowedDomains lists domains'), powershell: 'Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add=[System.Collections.Generic.List[String]]@("east.com")}' });
    expect(fix?.summary).toContain('check it first');
    expect(fix?.adminCenter).toContain(`If "${labels.modes.blockSpecific}": remove east.com from the blocked domains`);
  });

  it('the one-line text is labelled and is not a script: pasted whole, no command runs (every line starts "Check first:" or "If ")', () => {
    const lines = domainFixOf(withFabrikam(), ROB, BOB)?.powershell?.split('\n') ?? [];
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^(Check first: |If )/);
  });

  it('no fix anywhere offers -AllowedDomainsAsAList for a tenant not known to be on an allow list', () => {
    forAll(30, (r) => {
      const m = randomModel(r);
      for (const a of addresses(m)) {
        for (const b of addresses(m)) {
          for (const c of evaluateReach(m, a, b).checks) {
            if (c.fix?.who !== 'theirAdmin' || !c.fix.powershell?.includes('AllowedDomainsAsAList')) continue;
            expect(c.fix.options?.find((o) => o.powershell.includes('AllowedDomainsAsAList'))?.when).toContain('AllowedDomains lists domains');
            expect(c.fix.powershell.split('\n').every((l) => /^(Check first: |If )/.test(l))).toBe(true);
          }
        }
      }
    });
  });

  /** The option a West admin would pick after checking, as the change it makes (West managed here to measure it). */
  const optionAsChange = (mode: DomainMode): Change | undefined =>
    mode === 'blockSpecific' ? { kind: 'removeBlocked', org: 'west', domains: ['east.com'] }
    : mode === 'allowSpecific' ? { kind: 'addAllowed', org: 'west', domains: ['east.com'] }
    : undefined;

  it.each<[DomainMode, Partial<{ allowedDomains: string[]; blockedDomains: string[] }>]>([
    ['blockSpecific', { blockedDomains: ['east.com', 'other.com'] }],
    ['allowSpecific', { allowedDomains: ['partner.com'] }],
  ])('on %s, the labelled option lets east.com in and cuts off nobody', (mode, lists) => {
    const m = eastWest({}, { settings: { domainMode: mode, ...lists } }, tenant('partner', 'Partner'));
    expect(evaluateReach(m, ROB, ANN).outcome).toBe('notReachable');
    const r = plan(m, optionAsChange(mode)!, admin('west'));
    if (!r.ok) throw new Error(r.reason);
    expect(evaluateReach(r.next, ROB, ANN).outcome).toBe('reachable');
    expect(r.plan.impact.filter((i) => i.kind === 'loses')).toEqual([]);
    expect(r.next.organizations.find((o) => o.id === 'west')?.settings?.domainMode).toBe(mode);
  });

  it('why: the old one-size command (add to the allow list) switches an open tenant to allow-only and cuts partners off', () => {
    const m = eastWest({}, {}, tenant('partner', 'Partner'));
    const r = plan(m, { kind: 'addAllowed', org: 'west', domains: ['east.com'] }, admin('west'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.next.organizations.find((o) => o.id === 'west')?.settings?.domainMode).toBe('allowSpecific');
    expect(r.plan.impact.some((i) => i.kind === 'loses')).toBe(true);
  });

  it.each([
    ['plain', 'east.com', '"east.com"'],
    ['a quote', 'a"b', '"a`"b"'],
    ['a dollar (no expansion)', '$x', '"`$x"'],
    ['a backtick', 'a`b', '"a``b"'],
  ])('PowerShell strings are quoted safely: %s', (_case, value, quoted) => {
    expect(ps.psString(value)).toBe(quoted);
  });
});

describe('2. trial-tenant exceptions: PowerShell only, no admin-center path (Set-CsTenantFederationConfiguration, examples 12–15)', () => {
  it('the fix for an organization not managed here has no admin-center path', () => {
    const m = withFabrikam();
    const trialEast = { organizations: m.organizations.map((o) => (o.id === 'east' ? { ...o, trialOnly: true } : o)) };
    const fix = evaluateReach(trialEast, ROB, BOB).checks.find((c) => c.id === 'org.trialTenants' && c.side === 'to')?.fix;
    expect(fix).toMatchObject({ who: 'theirAdmin', powershell: ps.addTrialTenantDomains(['east.com']) });
    expect(fix?.adminCenter).toBeUndefined();
    expect(fix?.summary).toContain('the Teams admin center has no control for trial-tenant exceptions');
  });
});

describe('3. admin-center labels are Microsoft\'s, from one data file ("IT Admins - Manage external meetings and chat with people and organizations using Microsoft identities")', () => {
  it('the unmanaged accounts\' inbound checkbox', () => {
    const m = eastWest({}, {}, tenant('fabrikam', 'Fabrikam', { managed: false }));
    const fix = evaluateReach(m, 'kim@outlook.com', BOB).checks.find((c) => c.id === 'org.allowTeamsConsumerInbound')?.fix;
    expect(fix?.adminCenter).toBe('Teams admin center > Users > External access > Organization settings > "Teams accounts not managed by an organization": select the checkbox "External users with Teams accounts not managed by an organization can contact users in my organization"');
  });

  it('the domain choice labels come from data/admin-center-labels.json', () => {
    expect(MODE_LABELS).toEqual(labels.modes);
  });

  /** Every .ts file under src/. */
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });

  it('no policy source file spells an admin-center label in its code (a rename is a one-line data change)', () => {
    const spelled = [labels.consumerInbound, labels.consumerOutbound, labels.federationSection, labels.domainChoice, ...Object.values(labels.modes)];
    const offenders = sources(join(__dirname, '../../src/policy')).flatMap((file) => {
      // Comments may quote a label to say why; code must read it from the data file.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      return spelled.filter((l) => text.includes(l)).map((l) => `${file}: ${l}`);
    });
    expect(offenders).toEqual([]);
  });
});

describe('4. users homed in Skype for Business Server on-premises federate through the Skype for Business client ("Coexistence with Skype for Business")', () => {
  const onPrem = (): PolicyModel => eastWest({ users: [user(ROB, { coexistence: 'SfBOnly', onPremises: true })] });

  it('not "not reachable": depends on the on-premises Edge, names the client and the text-only interop', () => {
    const v = evaluateReach(onPrem(), ROB, ANN);
    expect(v.outcome).toBe('depends');
    expect(v.conversation).toBe('interop');
    expect(v.dependsOn).toEqual({ orgId: 'east', orgName: "East's Skype for Business Server (on-premises)" });
    expect(v.summary).toBe(`Depends on East's Skype for Business Server (on-premises): ${ROB} is homed in Skype for Business Server on-premises (East), so the conversation goes through the Skype for Business client — a text-only interop chat with ${ANN} — if the on-premises Edge federation allows it (not known here).`);
  });

  it('the fix of a managed organization moves the user online, which makes them TeamsOnly (Move-CsUser -MoveToTeams)', () => {
    const fix = evaluateReach(onPrem(), ROB, ANN).checks.find((c) => c.id === 'user.onPremises')?.fix;
    expect(fix).toMatchObject({ who: 'ourAdmin', command: `move ${ROB} online`, change: { kind: 'setUserCoexistence', onPremises: false } });
    const r = plan(onPrem(), fix!.change!, admin('east'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.next.organizations[0]?.users[0]).toMatchObject({ coexistence: 'TeamsOnly', onPremises: false });
    expect(evaluateReach(r.next, ROB, ANN).outcome).toBe('reachable');
  });

  it('the fix says which client works until the move; an organization not managed here stays "depends", never "not reachable"', () => {
    const fix = evaluateReach(eastWest({}, { users: [user(ANN, { coexistence: 'Islands', onPremises: true })] }), ROB, ANN).checks.find((c) => c.id === 'user.onPremises' && c.side === 'to')?.fix;
    expect(fix?.summary).toContain(`Until then ${ANN} chats from the Skype for Business client (text only), if the on-premises Edge federation allows east.com`);
    const unmanaged = eastWest({}, { managed: false, users: [user(ANN, { coexistence: 'Islands', onPremises: true })] });
    expect(evaluateReach(unmanaged, ROB, ANN).outcome).toBe('depends');
    // Skype for Business Server Management Shell: allowing a partner on an Edge that allows only listed ones.
    expect(ps.newCsAllowedDomain('east.com')).toBe('New-CsAllowedDomain -Identity "east.com"');
  });

  const file = (users: unknown[]): unknown => storeFile([{ ...demoModel().organizations[0], users }]);

  it.each([
    ['TeamsOnly homed on-premises', { address: ROB, coexistence: 'TeamsOnly', onPremises: true }, 'a TeamsOnly user is always homed online'],
    ['Islands homed online (after 31 July 2021)', { address: ROB, coexistence: 'Islands', onPremises: false }, 'Islands exists only for users homed on-premises'],
    ['SfBOnly homed online', { address: ROB, coexistence: 'SfBOnly', onPremises: false }, 'SfBOnly exists only for users homed on-premises'],
  ])('the store refuses %s at load, with a clear message', (_case, u, message) => {
    const r = validateFull(file([u]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe(`invalid data at organizations[0].users[0].coexistence: ${ROB}: ${r.problem.split(`${ROB}: `)[1]}`);
    if (!r.ok) expect(r.problem).toContain(message);
  });

  it.each([
    ['TeamsOnly online', 'TeamsOnly', false],
    ['Islands on-premises', 'Islands', true],
    ['SfBOnly on-premises', 'SfBOnly', true],
  ])('the store accepts %s', (_case, coexistence, onPremises) => {
    expect(validateFull(file([{ address: ROB, coexistence, onPremises }])).ok).toBe(true);
  });
});

describe('5. personal Microsoft accounts can use any address (Microsoft Learn, "Manage external access": Teams accounts not managed by an organization)', () => {
  it('an address of no known organization gets both answers: work account → their admin; personal → our unmanaged-accounts settings', () => {
    const v = evaluateReach(eastWest({ settings: { allowTeamsConsumer: false } }), ROB, 'kim@tailspin.com');
    expect(v.outcome).toBe('depends');
    expect(v.ifPersonal?.outcome).toBe('notReachable');
    expect(v.summary).toContain('If kim@tailspin.com is a personal Microsoft account instead (any address can be one), the unmanaged-accounts settings decide: Not reachable: East turned off chat with unmanaged Teams accounts (AllowTeamsConsumer).');
  });

  it('with unmanaged accounts allowed, the personal answer is reachable for chat and meetings', () => {
    const v = evaluateReach(eastWest(), 'kim@tailspin.com', ROB);
    expect(v.ifPersonal).toMatchObject({ outcome: 'reachable', summary: expect.stringContaining('chat and meetings, no calls') });
  });

  it('two gmail.com addresses are two people, not one organization', () => {
    const v = evaluateReach(eastWest(), 'kim@gmail.com', 'lee@gmail.com');
    expect(v.outcome).not.toBe('internal');
    expect(v.summary).toContain('not one organization');
  });

  it('two addresses of one unknown domain: internal if it is one organization\'s, separate people if personal — both said', () => {
    const v = evaluateReach(eastWest(), 'a@tailspin.com', 'b@tailspin.com');
    expect(v.outcome).toBe('depends');
    expect(v.summary).toContain('same organization');
    expect(v.summary).toContain('personal Microsoft accounts');
  });
});

describe('6. personal (unmanaged) accounts: chat and meetings, not calls', () => {
  it.each([undefined, 'chat', 'call'] as const)('asked about %s: never promises a call', (medium) => {
    const v = evaluateReach(eastWest(), ROB, 'kim@outlook.com', medium);
    expect(v.outcome).toBe('reachable');
    expect(v.conversation).toBe('personal');
    expect(v.summary).not.toMatch(/can chat, call/);
    expect(v.summary).toContain('no calls');
    if (medium === 'call') expect(v.summary).toContain('Calls are not possible with personal (unmanaged) Teams accounts.');
  });
});

describe('7. meetings are not chats: blocked domains can still join anonymously ("IT Admins - Manage external meetings and chat…": note on anonymous join)', () => {
  const blocked = (): PolicyModel => eastWest({}, { settings: { domainMode: 'blockSpecific', blockedDomains: ['east.com'] } });

  it('"can rob meet with ann?" across a block says anonymous join still works, and where that is set', () => {
    const v = evaluateReach(blocked(), ROB, ANN, 'meet');
    expect(v.outcome).toBe('notReachable');
    expect(v.summary).toContain(`${ANN} can still join ${ROB}'s meetings anonymously`);
    expect(v.summary).toContain(`"${labels.meetingsAnonymous}"`);
  });

  it.each([undefined, 'chat', 'call'] as const)('asked about %s: no meeting note', (medium) => {
    expect(evaluateReach(blocked(), ROB, ANN, medium).summary).not.toContain('anonymously');
  });
});

describe('9. the 4,000-domain limit is per list (Set-CsTenantFederationConfiguration: AllowedDomains and BlockedDomains "up to 4,000 domains" each)', () => {
  it('a full blocked list does not stop adding an allowed domain', () => {
    const m = eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['a.com'], blockedDomains: Array.from({ length: DOMAIN_LIST_LIMIT }, (_, i) => `d${i}.com`) } });
    const r = plan(m, { kind: 'addAllowed', org: 'east', domains: ['west.com'] }, admin('east'));
    expect(r.ok).toBe(true);
  });
});

describe('10. the Global policy\'s CommunicationWithExternalOrgs is always OrganizationDefault (Set-CsExternalAccessPolicy)', () => {
  it('a hand-edited store saying otherwise is refused at load with a clear message', () => {
    const org = demoModel().organizations[0]!;
    const bad = { ...org, policies: [{ ...org.policies[0]!, communicationWithExternalOrgs: 'BlockAllExternalDomains' }] };
    const r = validateFull(storeFile([bad]));
    expect(r).toEqual({
      ok: false,
      problem: "invalid data at organizations[0].policies[0].communicationWithExternalOrgs: the Global policy's CommunicationWithExternalOrgs is always OrganizationDefault (Teams does not let the Global policy replace the organization's domain rule), found BlockAllExternalDomains: use a custom policy for that rule",
    });
  });

  it('a custom policy may have any rule', () => {
    const org = demoModel().organizations[0]!;
    const ok = { ...org, policies: [org.policies[0]!, policy('Partners', { communicationWithExternalOrgs: 'BlockAllExternalDomains' })] };
    expect(validateFull(storeFile([ok])).ok).toBe(true);
  });
});

describe('11. "Block all external domains": what it means exactly, and who still gets through (the preview warns)', () => {
  it('names the policies with their own domain rule, the master switch that would stop them, and unmanaged accounts', () => {
    const m = eastWest({
      policies: [policy('Partners', { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['west.com'] }), policy('Closed', { communicationWithExternalOrgs: 'BlockAllExternalDomains' })],
      users: [user(ROB, { policy: 'Partners' })],
    });
    const r = plan(m, { kind: 'setDomainMode', org: 'east', mode: 'blockAll' }, admin('east'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.summary).toBe('Set East to "Block all external domains". Users on the organization\'s rule can talk to no external domain; users of policies with their own domain rule still can (see the warnings).');
    const text = r.plan.warnings.map((w) => w.message).join('\n');
    expect(text).toContain('still let their users through: Partners (1 user listed here): allows specific domains (1)');
    expect(text).not.toContain('Closed');
    expect(text).toContain('turn off external access (AllowFederatedUsers)');
    expect(text).toContain('Unmanaged (personal) Teams accounts are a separate setting');
    expect(evaluateReach(r.next, ROB, ANN).outcome).toBe('reachable');
  });
});

describe('12. every one-line summary names the setting that decided it, and the side', () => {
  const west = (o: Parameters<typeof eastWest>[1]): PolicyModel => eastWest({}, o);
  it.each<[string, PolicyModel, string]>([
    ['their master switch', west({ settings: { allowFederatedUsers: false } }), 'Not reachable: West turned external access off (AllowFederatedUsers).'],
    ['their user policy', west({ policies: [policy('NoFed', { enableFederationAccess: false })], users: [user(ANN, { policy: 'NoFed' })] }), `Not reachable: ${ANN}'s policy NoFed has EnableFederationAccess off.`],
    ['their block list', west({ settings: { domainMode: 'blockSpecific', blockedDomains: ['east.com'] } }), 'Not reachable: West: east.com is on the blocked list (BlockedDomains).'],
    ['our trial-tenant block', west({ trialOnly: true }), 'Not reachable: East blocks trial-only tenants (ExternalAccessWithTrialTenants): West holds only trial licences and trial tenants are blocked.'],
    ['open both sides', eastWest(), `Reachable: ${ROB} can chat, call and meet with ${ANN} (native Teams federation) — East: all external domains are allowed (AllowedDomains: AllowAllKnownDomains); West: all external domains are allowed (AllowedDomains: AllowAllKnownDomains).`],
  ])('%s', (_case, m, summary) => {
    expect(evaluateReach(m, ROB, ANN).summary).toBe(summary);
  });

  it('property: a "Not reachable" line names the setting of a failed check', () => {
    forAll(30, (r) => {
      const m = randomModel(r);
      for (const a of addresses(m)) {
        for (const b of addresses(m)) {
          const v = evaluateReach(m, a, b);
          if (v.outcome !== 'notReachable') continue;
          const settings = v.checks.filter((c) => c.status === 'failed').map((c) => c.setting);
          expect([a, b, settings.some((s) => v.summary.includes(`(${s})`) || v.summary.includes(`has ${s} off`))]).toEqual([a, b, true]);
        }
      }
    });
  });
});
