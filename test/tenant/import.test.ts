import { plan } from '../../src/policy';
import type { Organization, PolicyModel } from '../../src/policy/model';
import type { Actor } from '../../src/policy/types';
import { prepareImport, readTenantText } from '../../src/tenant';
import type { PreparedImport } from '../../src/tenant';
import { demoModel } from '../policy/fixtures';
import { sample } from './fixtures';

const admin: Actor = { address: 'admin@contosoeast.com', adminOf: ['contoso-east'] };
const east = (m: PolicyModel): Organization => m.organizations.find((o) => o.id === 'contoso-east')!;

function prepared(model: PolicyModel, text: string): PreparedImport {
  const read = readTenantText(text);
  if (!read.ok) throw new Error(read.reason);
  const p = prepareImport(east(model), read.reading);
  if (!p.ok) throw new Error(p.reason);
  return p;
}

function imported(model: PolicyModel, text: string): { model: PolicyModel; summary: string } {
  const r = plan(model, prepared(model, text).change, admin, new Date('2026-11-24T10:00:00Z'));
  if (!r.ok) throw new Error(r.reason);
  return { model: r.next, summary: r.plan.summary };
}

describe('importing into the admin\'s own organization', () => {
  it('takes over the federation configuration: verdict inputs follow the tenant', () => {
    const { model, summary } = imported(demoModel(), sample('federation-blocklist.json'));
    expect(east(model).settings).toMatchObject({ domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com', 'northwindtraders.com', 'tailspintoys.com'], blockAllSubdomains: true, allowTeamsConsumerInbound: false, allowedTrialTenantDomains: ['litware.com'] });
    expect(summary).toBe('Imported the organization settings of Contoso East from Get-CsTenantFederationConfiguration.');
  });

  it('takes over every policy, then the assignments that name them', () => {
    let model = imported(demoModel(), sample('external-access-policies.json')).model;
    expect(east(model).policies.map((p) => p.name)).toEqual(['Global', 'Sales', 'NoFederation']);
    const p = prepared(model, sample('assignments.csv'));
    expect(p.change.assignments).toEqual({ 'rob@contosoeast.com': 'Sales', 'ava@contosoeast.com': 'NoFederation', 'admin@contosoeast.com': 'Global' });
    expect(p.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('not a user address'), 'zoe@fabrikam.com is not a user of Contoso East']);
    model = imported(model, sample('assignments.csv')).model;
    const users = Object.fromEntries(east(model).users.map((u) => [u.address, u.policy ?? 'Global']));
    expect(users).toEqual({ 'rob@contosoeast.com': 'Sales', 'admin@contosoeast.com': 'Global', 'ava@contosoeast.com': 'NoFederation' });
  });

  it('refuses assignments to policies the organization does not have, saying which to import first', () => {
    const read = readTenantText(sample('assignments.txt'));
    if (!read.ok) throw new Error(read.reason);
    const p = prepareImport(east(demoModel()), read.reading);
    expect(p).toEqual({ ok: false, code: 'invalid', reason: 'Nothing in it can be imported (Contoso East has no policy Sales (import Get-CsExternalAccessPolicy first)). Nothing was changed.' });
  });

  it('carries the unmanaged settings and notes to the preview', () => {
    const p = prepared(demoModel(), sample('federation-ps51.json'));
    expect(p.unmanaged.map((u) => u.setting)).toEqual(['TreatDiscoveredPartnersAsUnverified', 'SharedSipAddressSpace']);
    expect(p.notes.join(' ')).toMatch(/came as the number 1/);
  });
});

describe('a tenant that is not yours, by its domains', () => {
  it.each([
    ['a configuration that blocks our own domain', sample('federation-other-tenant.json'), /lists contosoeast.com, a domain of Contoso East itself/],
    ['a policy that names our own domain', '{ "Identity": "Tag:X", "EnableFederationAccess": true, "CommunicationWithExternalOrgs": "BlockSpecificExternalDomains", "BlockedExternalDomains": ["sales.contosoeast.com"] }', /policy X lists sales.contosoeast.com/],
    ['users of another organization only', 'zoe@fabrikam.com,Sales\nmax@fabrikam.com,Global', /none of its 2 users has an address in contosoeast.com/],
    ['an export made for another organization', JSON.stringify({ FederationAssistantExport: 1, Organization: { Domains: ['contosowest.com'] }, ExternalAccessPolicies: [] }), /the export was made for contosowest.com/],
  ])('%s', (_name, text, reason) => {
    const read = readTenantText(text);
    if (!read.ok) throw new Error(read.reason);
    const p = prepareImport(east(demoModel()), read.reading);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.code).toBe('not-yours');
    expect(p.reason).toMatch(reason);
    expect(p.reason).toMatch(/^This does not look like Contoso East's tenant: .*Nothing was changed\.$/);
  });
});

describe('the import change is checked again when planned (it can arrive as card data)', () => {
  it.each([
    ['a malformed domain', { settings: { blockedDomains: ['not a domain'] } }, /not a domain name/],
    ['removing Global', { policies: { Global: null } }, /Global policy always exists/],
    ['an assignment outside the organization', { assignments: { 'zoe@fabrikam.com': 'Global' } }, /not a user of Contoso East/],
    ['an assignment to a missing policy', { assignments: { 'rob@contosoeast.com': 'Nope' } }, /no policy named Nope/],
    ['nothing at all', {}, /nothing to take over/],
  ])('%s is refused', (_name, extra, reason) => {
    const r = plan(demoModel(), { kind: 'import', org: 'contoso-east', source: 'test', ...extra }, admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('is refused for someone who is not an admin of the organization', () => {
    const r = plan(demoModel(), prepared(demoModel(), sample('federation-open.json')).change, { address: 'rob@contosoeast.com', adminOf: [] });
    expect(r.ok).toBe(false);
  });
});
