import type { Plan } from '../../src/policy/types';
import { auditEntry } from '../../src/store/auditEntry';
import { admin, NOW } from './fixtures';

const list = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}.com`);
const policy = (name: string, blocked: string[]) => ({
  name,
  enableFederationAccess: true,
  enableTeamsConsumerAccess: false,
  enableTeamsConsumerInbound: false,
  communicationWithExternalOrgs: 'BlockSpecificExternalDomains',
  allowedExternalDomains: [],
  blockedExternalDomains: blocked,
});

/** A plan whose sides name their paths in different orders, with a path only after (a policy created) and one only before. */
function plan(): Plan {
  return {
    change: { kind: 'restore', org: 'contoso-east' },
    orgId: 'contoso-east',
    orgName: 'Contoso East',
    summary: 's',
    diff: [],
    impact: [],
    warnings: [],
    needsConfirmation: false,
    inverse: { kind: 'restore', org: 'contoso-east' },
    touched: ['settings.allowedDomains', 'policies.Old', 'policies.New', 'settings.domainMode'],
    before: { 'settings.domainMode': 'allowAll', 'settings.allowedDomains': list(30, 'a'), 'policies.Old': policy('Old', list(45, 'o')) },
    after: { 'policies.New': policy('New', list(45, 'n')), 'settings.allowedDomains': list(31, 'a'), 'settings.domainMode': 'allowSpecific', 'policies.Old': null },
  } as unknown as Plan;
}

describe('auditEntry', () => {
  it('keeps the order of paths: those before first, then those only after; long lists as deltas in that order', () => {
    const entry = auditEntry('e1', plan(), { actor: admin, request: 'r', now: NOW });
    expect(Object.keys(entry.before)).toEqual(['settings.domainMode', 'policies.Old']);
    expect(Object.keys(entry.after)).toEqual(['policies.New', 'settings.domainMode', 'policies.Old']);
    expect(Object.keys(entry.lists ?? {})).toEqual(['settings.allowedDomains', 'policies.Old.blockedExternalDomains', 'policies.New.blockedExternalDomains']);
    expect(entry.after['policies.Old']).toBeNull();
    expect(entry.before['policies.Old']).not.toHaveProperty('blockedExternalDomains');
    expect(entry.lists!['settings.allowedDomains']).toEqual({ size: [30, 31], removed: [], added: [[30, 'a30.com']] });
  });
});
