import { plan } from '../../src/policy';
import type { Change, PolicyModel } from '../../src/policy';
import { admin, demoModel, eastWest, policy, user } from './fixtures';

function impactOf(model: PolicyModel, change: Change, orgId = 'contoso-east') {
  const r = plan(model, change, admin(orgId));
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

describe('impact: who gains or loses reachability', () => {
  it('unmanaged inbound off: only the direction where they start is lost', () => {
    const p = impactOf(demoModel(), { kind: 'setTeamsConsumer', org: 'contoso-east', inbound: false });
    expect(p.impact).toEqual([
      { fromOrgId: 'consumer', toOrgId: 'contoso-east', fromLabel: 'personal Teams accounts', toLabel: 'Contoso East', before: 'reachable', after: 'notReachable', kind: 'loses' },
    ]);
    expect(p.needsConfirmation).toBe(true);
  });

  it('updating a custom policy affects only the users who have it', () => {
    const m = eastWest({ policies: [policy('Sales')], users: [user('rob@east.com', { policy: 'Sales' }), user('sue@east.com')] });
    const p = impactOf(m, { kind: 'updatePolicy', org: 'east', name: 'Sales', settings: { communicationWithExternalOrgs: 'BlockAllExternalDomains' } }, 'east');
    expect(p.impact.map((i) => [i.fromLabel, i.toLabel, i.kind])).toEqual([
      ['rob@east.com', 'West', 'loses'],
      ['rob@east.com', 'any other organization', 'loses'],
    ]);
    expect(p.warnings.find((w) => w.code === 'delay')?.message).toContain('4 to 48 hours');
  });

  it('a user whose change matches their organization\'s row is not repeated', () => {
    const m = eastWest({}, { policies: [policy('OnlyEast', { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['east.com'] })], users: [user('ann@west.com', { policy: 'OnlyEast' })] });
    // Ann has a policy of her own, but loses East exactly like the rest of West: one row.
    const p = impactOf(m, { kind: 'addBlocked', org: 'east', domains: ['west.com'] }, 'east');
    expect(p.impact.map((i) => [i.fromLabel, i.toLabel, i.before, i.after])).toEqual([
      ['East', 'West', 'reachable', 'notReachable'],
    ]);
  });

  it('a user whose policy already cut them off gets no row, the others do', () => {
    const m = eastWest({ policies: [policy('Off', { enableFederationAccess: false })], users: [user('rob@east.com', { policy: 'Off' })] });
    const p = impactOf(m, { kind: 'addBlocked', org: 'east', domains: ['west.com'] }, 'east');
    expect(p.impact.filter((i) => i.fromLabel === 'rob@east.com' || i.toLabel === 'rob@east.com')).toEqual([]);
    expect(p.impact.map((i) => i.fromLabel)).toEqual(['East']);
  });

  it('a change that only stores an entry not in effect has no impact and needs no confirmation', () => {
    const p = impactOf(demoModel(), { kind: 'setSubdomainBlocking', org: 'contoso-east', enabled: true });
    expect(p.impact).toEqual([]);
    expect(p.needsConfirmation).toBe(false);
  });
});
