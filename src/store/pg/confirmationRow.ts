import { z } from 'zod';
import { changeSchema } from '../../policy/change';
import type { NewPendingChange, PendingChange } from '../confirmations';

/** What the row's payload holds: everything of a `PendingChange` that has no column of its own. */
const payloadSchema = z.strictObject({
  action: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('change'), change: changeSchema }),
    z.strictObject({ kind: z.literal('undo'), orgId: z.string(), entryId: z.string() }),
  ]),
  request: z.string(),
  shownPrint: z.string(),
});

/** The payload column's JSON text: the fields `payloadSchema` reads back, nothing else. */
export function toPayload({ action, request, shownPrint }: NewPendingChange): string {
  return JSON.stringify({ action, request, shownPrint });
}

export interface Row {
  id: string;
  actor: string;
  conversation_id: string;
  payload: unknown;
  expires_at: Date;
}

export const COLUMNS = 'id, actor, conversation_id, payload, expires_at';

/** The pending change a row holds, or undefined when it does not read back as one (never trusted as written). */
export function fromRow(row: Row): PendingChange | undefined {
  const payload = payloadSchema.safeParse(row.payload);
  const expiresAt = row.expires_at instanceof Date ? row.expires_at.getTime() : Number.NaN;
  if (!payload.success || Number.isNaN(expiresAt)) return undefined;
  return { id: row.id, actor: row.actor, conversationId: row.conversation_id, ...payload.data, expiresAt };
}
