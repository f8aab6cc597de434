import type { Command } from '../../language/command';
import { phraseChange } from '../../language';
import { ADMIN_CENTER, policiesPath } from '../../policy/admin-center';
import type { Reply, Turn } from '../turn';
import * as views from '../views';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;
type Medium = Of<'perMedium'>['only'][number];

const WORDS: Record<Medium, string> = { chat: 'chat', call: 'calls', meet: 'meetings' };
/** The comparison row that says what external people can do in each medium. */
const ROWS: Record<Medium, string> = { chat: 'chat', call: 'call', meet: 'meetingInvite' };

const list = (media: readonly Medium[]): string => {
  const w = media.map((m) => WORDS[m]);
  return w.length <= 1 ? (w[0] ?? '') : `${w.slice(0, -1).join(', ')} and ${w[w.length - 1] ?? ''}`;
};

/** What the setting is, in the sentence that says it covers every medium. */
function subject(change: Of<'perMedium'>['change']): string {
  if (change.kind === 'setFederation') return 'The external access switch covers';
  if (change.kind === 'setDomainMode') return 'The domain rule covers';
  return 'The allowed and blocked domains cover';
}

/**
 * "block x.com but not for meetings", "allow y.com for chat only": Microsoft's external access settings
 * (shared/reference/federation-rules.md) decide chat, calls and joining meetings with one's own account
 * together, so the request is explained, not narrowed or widened. What can be set instead is named as the
 * admin center names it; the whole change is only offered as a button that previews it (a sentence sent,
 * so it goes through preview and Confirm like a typed one). Nothing is changed by this answer.
 */
export async function perMedium(turn: Turn, command: Of<'perMedium'>): Promise<Reply[]> {
  const whole = phraseChange({ ...command.change }) ?? '';
  const asked = [
    command.only.length > 0 ? `for ${list(command.only)} only` : '',
    command.except.length > 0 ? `not for ${list(command.except)}` : '',
  ].filter((s) => s !== '').join(', ');
  const media = [...new Set([...command.only, ...command.except])];
  const lines = [
    `Nothing was changed: external access is not set per medium. ${subject(command.change)} chat, calls and meetings (joined with their own account) together, so “${whole}” ${asked ? `cannot be limited to what you asked (${asked}); it ` : ''}applies to all three.`,
  ];
  if (media.includes('meet')) {
    lines.push(`For meetings, what you can set is whether people join without their own account: "${ADMIN_CENTER.meetingsAnonymous}" (${ADMIN_CENTER.meetingsPage}). While it is on, people from a blocked domain can still join your meetings anonymously; it is one setting for all meetings, not per domain.`);
  }
  lines.push(`To limit it to some of your people instead, an external access policy sets the domains per user (${policiesPath()}); it too covers every medium at once.`);
  const offer = whole !== '' && turn.sender.role === 'admin';
  if (offer) lines.push(`The button previews “${whole}” for every medium; nothing changes until you press Confirm on that preview.`);
  return [
    views.offers('Not done: external access has no setting per medium', lines, offer ? [{ title: `Preview: ${whole}`, text: whole }] : []),
    ...media.map((m) => views.feature(ROWS[m])),
  ];
}
