import { because } from './because';
import { shownDomain as displayDomain } from './display';
import { evaluateDomainRule } from './domain-rule';
import { fixAddress, fixConsumer, fixDomainRule, fixMasterSwitch, fixOnPremises, fixTrial, fixUserFederation } from './fixes';
import { indexOrg } from './model-index';
import type { ResolvedParticipant } from './participant';
import type { Check, CheckStatus, Fix, Side } from './types';

type Direction = Check['direction'];

const status = (ok: boolean): CheckStatus => (ok ? 'passed' : 'failed');

/**
 * The checks of one side's rules toward the other participant. `otherStarts` is the direction in
 * which the other participant starts the conversation (inbound rules apply only there). `explain`
 * false leaves out what a verdict shows of a check that did not pass (why, and the fix): impact
 * reads only the statuses, for every organization a change touches.
 */
export function sideChecks(self: ResolvedParticipant, other: ResolvedParticipant, side: Side, otherStarts: Direction, explain = true): Check[] {
  const p = self.participant;
  // Fixes and explanations are built only for checks that did not pass (verdict time matters); one
  // object literal per check keeps a single shape, which is what makes this hot path fast.
  const check = (id: string, direction: Direction, setting: string, needs: string, found: string, st: CheckStatus, fix?: () => Fix): Check => {
    const c: Check = { id, direction, side, orgName: p.orgName, setting, needs, found, status: st };
    if (p.orgId) c.orgId = p.orgId;
    if (st !== 'passed' && explain) {
      c.because = because(id, self, setting, found);
      if (fix) c.fix = fix();
    }
    return c;
  };
  const otherDomain = other.participant.domain;
  // Shown only in what a verdict explains (the lookalike check behind it is not free).
  const otherShown = explain ? displayDomain(otherDomain) : otherDomain;
  const toConsumer = other.kind === 'consumer';

  if (self.kind === 'invalid') {
    return [check('address.valid', 'both', 'address', 'an email address', self.invalid ?? 'not an address', 'failed', () => fixAddress(self.invalid ?? 'not an address'))];
  }
  if (self.kind === 'consumer' || other.kind === 'invalid') return [];

  if (self.kind !== 'managed' || !self.org?.settings || !self.policy) {
    // Settings not known here: say what their admin must have, and that we cannot tell.
    const unknown = `not known: ${p.orgName} is not managed here`;
    const checks = [check('org.allowFederatedUsers', 'both', 'AllowFederatedUsers', 'on', unknown, 'unknown', () => fixMasterSwitch(self))];
    if (toConsumer) {
      checks.push(check('org.allowTeamsConsumer', 'both', 'AllowTeamsConsumer', 'on', unknown, 'unknown', () => fixConsumer(self, 'outbound', 'org')));
      checks.push(check('org.allowTeamsConsumerInbound', otherStarts, 'AllowTeamsConsumerInbound', 'on (unmanaged accounts may start)', unknown, 'unknown', () => fixConsumer(self, 'inbound', 'org')));
    } else {
      checks.push(check('org.domainRule', 'both', 'AllowedDomains / BlockedDomains', `permits ${otherShown}`, unknown, 'unknown', () => fixDomainRule(self, undefined, otherDomain)));
      if (other.trialOnly === true) {
        checks.push(check('org.trialTenants', 'both', 'ExternalAccessWithTrialTenants', `allows trial-only tenant ${otherShown}`, unknown, 'unknown', () => fixTrial(self, otherDomain)));
      }
    }
    return checks;
  }

  const s = self.org.settings;
  const policy = self.policy.policy;
  const checks: Check[] = [
    check('org.allowFederatedUsers', 'both', 'AllowFederatedUsers', 'on', s.allowFederatedUsers ? 'on' : 'off: nobody in the organization can talk to external users', status(s.allowFederatedUsers), () => fixMasterSwitch(self)),
  ];
  if (toConsumer) {
    checks.push(check('org.allowTeamsConsumer', 'both', 'AllowTeamsConsumer', 'on', s.allowTeamsConsumer ? 'on' : 'off', status(s.allowTeamsConsumer), () => fixConsumer(self, 'outbound', 'org')));
    checks.push(check('policy.enableTeamsConsumerAccess', 'both', 'EnableTeamsConsumerAccess', 'on', `${policy.enableTeamsConsumerAccess ? 'on' : 'off'} in policy ${policy.name}`, status(policy.enableTeamsConsumerAccess), () => fixConsumer(self, 'outbound', 'policy')));
    checks.push(check('org.allowTeamsConsumerInbound', otherStarts, 'AllowTeamsConsumerInbound', 'on (unmanaged accounts may start)', s.allowTeamsConsumerInbound ? 'on' : 'off: only our users can start', status(s.allowTeamsConsumerInbound), () => fixConsumer(self, 'inbound', 'org')));
    checks.push(check('policy.enableTeamsConsumerInbound', otherStarts, 'EnableTeamsConsumerInbound', 'on (unmanaged accounts may start)', `${policy.enableTeamsConsumerInbound ? 'on' : 'off'} in policy ${policy.name}`, status(policy.enableTeamsConsumerInbound), () => fixConsumer(self, 'inbound', 'policy')));
  } else {
    checks.push(check('policy.enableFederationAccess', 'both', 'EnableFederationAccess', 'on', `${policy.enableFederationAccess ? 'on' : 'off'} in policy ${policy.name}`, status(policy.enableFederationAccess), () => fixUserFederation(self)));
    const rule = evaluateDomainRule(indexOrg(self.org), self.policy, otherDomain);
    const id = rule.source === 'policy' ? 'policy.communicationWithExternalOrgs' : 'org.domainRule';
    checks.push(check(id, 'both', rule.setting, `permits ${otherShown}`, rule.found, status(rule.permitted), () => fixDomainRule(self, rule, otherDomain)));
    if (s.trialTenants === 'Allowed') {
      checks.push(check('org.trialTenants', 'both', 'ExternalAccessWithTrialTenants', 'trial-only tenants allowed, or not trial-only', 'Allowed', 'passed'));
    } else if (other.trialOnly === false) {
      checks.push(check('org.trialTenants', 'both', 'ExternalAccessWithTrialTenants', `${otherShown} is not a trial-only tenant, or is an exception`, `${other.participant.orgName} is not trial-only`, 'passed'));
    } else {
      const exception = indexOrg(self.org).trialExceptions.has(otherDomain);
      const found = exception
        ? `${otherShown} is an allowed trial tenant domain`
        : other.trialOnly === true
          ? `${other.participant.orgName} holds only trial licences and trial tenants are blocked`
          : `not known whether ${other.participant.orgName} holds only trial licences; trial tenants are blocked`;
      const st: CheckStatus = exception ? 'passed' : other.trialOnly === true ? 'failed' : 'unknown';
      checks.push(check('org.trialTenants', 'both', 'ExternalAccessWithTrialTenants', `${otherShown} is not a trial-only tenant, or is an exception`, found, st, () => fixTrial(self, otherDomain)));
    }
  }
  const u = self.user;
  // Microsoft Learn, "Coexistence with Skype for Business": a user homed in Skype for Business Server
  // federates from the Skype for Business client through the on-premises Edge, and a chat with a Teams
  // user is text-only interop. Reachable that way when the on-premises federation allows it, which is
  // not known here: so the check is unknown, never "not reachable".
  checks.push(u.onPremises
    ? check('user.onPremises', 'both', 'homed in Skype for Business Server on-premises', 'homed online (TeamsOnly) for Teams federation', `${u.address} is homed on-premises: federates from the Skype for Business client (a text-only interop chat with Teams users), if the on-premises Edge federation allows ${otherShown}, which is not known here`, 'unknown', () => fixOnPremises(self, otherDomain))
    : check('user.onPremises', 'both', 'homed in Skype for Business Server on-premises', 'homed online (TeamsOnly) for Teams federation', 'homed online', 'passed'));
  return checks;
}
