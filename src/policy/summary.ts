import { ADMIN_CENTER } from './admin-center';
import type { Check, Verdict } from './types';

const DOMAIN_RULE_IDS = new Set(['org.domainRule', 'policy.communicationWithExternalOrgs']);
const CONSUMER_IDS = new Set(['org.allowTeamsConsumer', 'policy.enableTeamsConsumerAccess']);

const forward = (c: Check): boolean => c.direction === 'both' || c.direction === 'aToB';

/**
 * "Contoso East: all external domains are allowed (AllowedDomains)": what was found in words, then
 * the setting; a raw value the words carry in brackets joins the setting's bracket, so one bracket
 * follows the words, not two ("(AllowedDomains: AllowAllKnownDomains)").
 */
function foundWithSetting(c: Check): string {
  const raw = /^(.*\S) \(([^()]+)\)$/.exec(c.found);
  return raw ? `${raw[1]} (${c.setting}: ${raw[2]})` : `${c.found} (${c.setting})`;
}

/** What let it through, per side. */
function passedBy(checks: readonly Check[], ids: ReadonlySet<string>): string {
  return checks
    .filter((c) => forward(c) && c.status === 'passed' && ids.has(c.id))
    .map((c) => `${c.orgName}: ${foundWithSetting(c)}`)
    .join('; ');
}

/**
 * Microsoft Learn, "IT Admins - Manage external meetings and chat with people and organizations using
 * Microsoft identities": "People from blocked domains can still join meetings anonymously if anonymous
 * access is allowed." The domain rules govern authenticated joins only.
 */
export function meetingNote(v: Verdict): string {
  if (v.outcome !== 'notReachable' || v.medium !== 'meet' || v.b.domain === '') return '';
  return ` A meeting is not a chat: ${v.b.address} can still join ${v.a.address}'s meetings anonymously (not as their work identity) when anonymous join is allowed ("${ADMIN_CENTER.meetingsAnonymous}", ${ADMIN_CENTER.meetingsPage}); the settings above decide only joins with their own account.`;
}

/** One line a person understands: the outcome words, then the setting that decided it and whose it is. */
export function summarize(v: Verdict): string {
  const { a, b } = v;
  const failed = v.checks.filter((c) => c.status === 'failed' && forward(c));
  const unknown = v.checks.filter((c) => c.status === 'unknown' && forward(c));
  const reverse = v.directions.bToA === 'notReachable' ? `; ${b.address} cannot start the conversation (${v.checks.find((c) => c.direction === 'bToA' && c.status === 'failed')?.because ?? 'an inbound setting is off'})` : '';
  switch (v.outcome) {
    case 'reachable': {
      if (v.conversation === 'personal') {
        const by = passedBy(v.checks, CONSUMER_IDS);
        const calls = v.medium === 'call' ? ' Calls are not possible with personal (unmanaged) Teams accounts.' : '';
        return `Reachable: ${a.address} can chat and meet with ${b.address}, a personal Teams account (chat and meetings, no calls)${by ? ` — ${by}` : ''}${reverse}.${calls}`;
      }
      const kind = v.conversation === 'interop' ? 'interop with Skype for Business: text only, 1:1' : 'native Teams federation';
      const by = passedBy(v.checks, DOMAIN_RULE_IDS);
      return `Reachable: ${a.address} can chat, call and meet with ${b.address} (${kind})${by ? ` — ${by}` : ''}${reverse}.`;
    }
    case 'notReachable': {
      const text = `Not reachable: ${failed.slice(0, 2).map((c) => c.because ?? `${c.orgName}: ${foundWithSetting(c)}`).join('; ')}.`;
      return `${text}${meetingNote(v)}`;
    }
    case 'depends': {
      const name = v.dependsOn?.orgName ?? b.orgName;
      const onPrem = unknown.find((c) => c.id === 'user.onPremises');
      if (onPrem) {
        const interop = onPrem.side === 'from' ? b.address : a.address;
        return `Depends on ${name}: ${onPrem.because}, so the conversation goes through the Skype for Business client — a text-only interop chat with ${interop} — if the on-premises Edge federation allows it (not known here)${reverse}.`;
      }
      const settings = [...new Set(unknown.filter((c) => c.orgName === name).map((c) => c.setting))].join(', ');
      if (!a.managed && !b.managed) return `Depends on ${name}: neither ${a.orgName} nor ${b.orgName} is managed here, so their admins decide (${settings || 'their external access settings'})${reverse}.`;
      const them = name === b.orgName ? a.domain : b.domain;
      return `Depends on ${name}: our side permits it; ${name}'s settings are not known here, so their admin must allow ${them} (${settings || 'their external access settings'})${reverse}.`;
    }
    default:
      return `Internal: ${a.address} and ${b.address} are in the same organization.`;
  }
}
