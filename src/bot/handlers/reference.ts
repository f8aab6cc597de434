import type { Command } from '../../language/command';
import { ADMIN_CENTER } from '../../policy/admin-center';
import type { Reply, Turn } from '../turn';
import * as views from '../views';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

export async function help(turn: Turn): Promise<Reply[]> {
  return [views.help(turn.sender.role === 'admin' ? 'admin' : 'user', false)];
}

export async function comparison(_turn: Turn, command: Of<'comparison'>): Promise<Reply[]> {
  return [views.comparison(command.edition)];
}

/**
 * External access is decided per domain, never per medium; meetings are the exception people notice,
 * because anyone can join anonymously where anonymous join is allowed. Microsoft Learn, "IT Admins -
 * Manage external meetings and chat with people and organizations using Microsoft identities":
 * "People from blocked domains can still join meetings anonymously if anonymous access is allowed."
 */
const DOMAIN_RULES_COVER =
  'The domain rules are not set per medium: the external access switch and the allowed and blocked domains decide chat, calls, presence and joining meetings with their own account, all at once.';
const ANONYMOUS_JOIN = `A meeting is not a chat: people from a blocked domain can still join your meetings anonymously (not as their work identity) when anonymous join is allowed ("${ADMIN_CENTER.meetingsAnonymous}", ${ADMIN_CENTER.meetingsPage}); the domain rules decide only joins with their own account.`;

export async function feature(_turn: Turn, command: Of<'feature'>): Promise<Reply[]> {
  const ids = [command.feature, ...(command.also ?? [])];
  const rows = ids.map((id) => views.feature(id));
  const lines = ids.includes('meetingInvite') ? [ANONYMOUS_JOIN] : [];
  if (command.about === 'domainRules') return [views.steps('What the domain rules cover', [DOMAIN_RULES_COVER, ...lines]), ...rows];
  return lines.length > 0 ? [...rows, views.steps('Meetings and blocked domains', lines)] : rows;
}

export async function featureUnknown(_turn: Turn, command: Of<'featureUnknown'>): Promise<Reply[]> {
  return views.featureUnknown(command.name, command.near);
}
