import { parseCached as parse } from './parse-cache';
import { phrase } from '../language/phrase';
import type { Command } from '../language/command';
import type { Organization, PolicyModel } from '../policy/model';
import { similarOrganizations } from '../policy/similar-orgs';
import type { Sender } from './identity';
import type { Reply } from './turn';
import * as views from './views';

/**
 * Whom a corrected request may name: a change or an undo only an organization the sender
 * administers (the only ones it could preview), a history only their own or one they administer
 * (history is for an organization's own people); any other question any known organization.
 */
function visibleFor(sender: Sender, asked: Command | undefined): (org: Organization) => boolean {
  const kind = asked?.kind;
  if (kind === 'change' || kind === 'undo') return (org) => sender.adminOf.includes(org.id);
  if (kind === 'history') return (org) => sender.org?.id === org.id || sender.adminOf.includes(org.id);
  return () => true;
}

/** The same request naming `org` instead, as a command. */
function naming(asked: Command, org: Organization): Command | undefined {
  switch (asked.kind) {
    case 'change':
    case 'whatIf':
      return { ...asked, change: { ...asked.change, org: org.name } };
    case 'showSettings':
    case 'domainStatus':
    case 'whoCanWeTalkTo':
    case 'undo':
    case 'history':
      return { ...asked, orgRef: org.name };
    default:
      return undefined;
  }
}

/** The corrected request as a sentence a "say" button sends, when it reads back as the same kind of request. */
function retryText(asked: Command | undefined, org: Organization): string | undefined {
  const command = asked === undefined ? undefined : naming(asked, org);
  const text = command === undefined ? undefined : phrase(command);
  if (text === undefined) return undefined;
  const back = parse(text);
  return back.ok && back.command.kind === command?.kind ? text : undefined;
}

const names = (orgs: readonly Organization[]): string =>
  orgs.length <= 1 ? (orgs[0]?.name ?? '') : `${orgs.slice(0, -1).map((o) => o.name).join(', ')} or ${orgs[orgs.length - 1]?.name ?? ''}`;

/**
 * "I don't know an organization called …", with the closest known organizations the sender may see
 * ("Did you mean Contoso West?") and a button per organization that sends the corrected request.
 * The button only asks again: a question is answered, a change is previewed, nothing acts.
 */
export function unknownOrganization(model: PolicyModel, sender: Sender, ref: string, asked: Command | undefined, instead?: string): Reply {
  const near = similarOrganizations(model, ref, { limit: 3, visible: visibleFor(sender, asked) });
  // `instead`: how to ask without a name, when no name comes near (a domain is answered whoever owns it).
  const unknown = `I don't know an organization called "${ref}".${near.length === 0 && instead !== undefined ? ` ${instead}` : ''}`;
  if (near.length === 0) return views.error(unknown);
  const retries = near.flatMap((org) => retryText(asked, org) ?? []);
  return views.error(`${unknown} Did you mean ${names(near)}?`, retries, 'Did you mean');
}
