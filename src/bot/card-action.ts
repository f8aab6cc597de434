import { cardActionSchema } from '../cards/actions';
import type { Command } from '../language/command';
import type { Change } from '../policy/change';
import { INTERNAL_CHANGE_KINDS } from './handlers/change';

/** A button press, validated: what the bot should do with it. */
export type CardRequest =
  | { kind: 'confirm'; pendingId: string }
  | { kind: 'cancel'; pendingId: string }
  | { kind: 'say'; text: string }
  | { kind: 'example'; text: string }
  | { kind: 'command'; command: Command };

export type CardActionResult = { ok: true; value: CardRequest; description: string } | { ok: false; reason: string };

const LIST_CHANGES = {
  allowed: { add: 'addAllowed', remove: 'removeAllowed' },
  blocked: { add: 'addBlocked', remove: 'removeBlocked' },
} as const;

/** Card data is untrusted input: validated with zod; anything else is refused with a reason. */
export function readCardAction(raw: Record<string, unknown>): CardActionResult {
  const parsed = cardActionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, reason: `That button sent data I cannot use${where}: ${issue?.message ?? 'invalid'}. Nothing was changed.` };
  }
  const a = parsed.data;
  const description = `[button] ${a.verb}`;
  switch (a.verb) {
    case 'confirm':
    case 'cancel':
      return { ok: true, value: { kind: a.verb, pendingId: a.pendingId }, description };
    case 'say':
      return { ok: true, value: { kind: 'say', text: a.text }, description: a.text };
    case 'example':
      return { ok: true, value: { kind: 'example', text: a.text }, description: `[example] ${a.text}` };
    case 'run':
      // Same schema as typed commands; what no person may ask for (undo's restore) no button may send.
      if (a.command.kind === 'change' && INTERNAL_CHANGE_KINDS.has(a.command.change.kind)) {
        return { ok: false, reason: `That button asks for a "${a.command.change.kind}" change, which only undo makes. Nothing was changed.` };
      }
      return { ok: true, value: { kind: 'command', command: a.command }, description: `${description} ${a.command.kind}` };
    case 'editList': {
      const domains = (a.domain ?? '').split(/[\s,;]+/).filter((d) => d !== '');
      if (domains.length === 0) return { ok: false, reason: 'Type a domain in the box first. Nothing was changed.' };
      const change = { kind: LIST_CHANGES[a.list][a.op], org: a.org, domains } as Change;
      return { ok: true, value: { kind: 'command', command: { kind: 'change', change } }, description: `${a.op} ${domains.join(', ')} (${a.list} list)` };
    }
  }
}
