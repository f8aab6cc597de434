import { displayDomain } from '../policy/domain';
import { listText, phraseChange } from '../policy/commands';
import type { Command } from './command';

const forOrg = (org: string | undefined): string => (org ? ` for ${org}` : '');

const MEDIUM = { chat: 'chat with', call: 'call', meet: 'meet' } as const;

/**
 * The canonical text of a command, or undefined when it has none (restore, a policy edit of lists).
 * Suggestions are built with it, so whatever it returns must parse back to the same command.
 */
export function phrase(command: Command): string | undefined {
  switch (command.kind) {
    case 'change': return phraseChange(command.change);
    case 'reach': {
      const verb = command.medium ? MEDIUM[command.medium] : 'reach';
      return command.from ? `can ${command.from} ${verb} ${command.to}?` : `can I ${verb} ${command.to}?`;
    }
    case 'domainStatus': return `is ${displayDomain(command.domain)} blocked${forOrg(command.orgRef)}?`;
    case 'whoCanWeTalkTo': return command.orgRef ? `who can ${command.orgRef} talk to?` : 'who can we talk to?';
    case 'matrix': return 'who can reach whom?';
    case 'showSettings': {
      const list = { allowed: 'show allowed domains', blocked: 'show blocked domains', trial: 'show trial tenant exceptions' };
      if (command.page !== undefined) return undefined;
      return `${command.list ? list[command.list] : 'show settings'}${forOrg(command.orgRef)}`;
    }
    case 'comparison': return command.edition === '2019' ? 'show the 2019 comparison table' : 'compare external and guest access';
    case 'feature': case 'featureUnknown': case 'howto': case 'perMedium': return undefined;
    case 'whatIf': { const p = phraseChange(command.change); return p === undefined ? undefined : `what happens if I ${p}?`; }
    case 'help': return 'help';
    case 'confirm': return 'yes';
    case 'cancel': return 'cancel';
    case 'undo': return command.entryId ? undefined : `undo${forOrg(command.orgRef)}`;
    case 'history': return command.page !== undefined ? undefined : `history${forOrg(command.orgRef)}`;
  }
}

export { listText, phraseChange };
