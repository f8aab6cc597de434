import { TeamsInfo, type TurnContext } from 'botbuilder';
import { normalizeAddress } from '../policy/domain';
import type { Organization, PolicyModel } from '../policy/model';
import { adminOrgIds, organizationOfAddress } from '../policy/organizations';
import type { Actor } from '../policy/types';

/** A roster lookup that hangs must not hang the turn: past this, the sender is treated as unknown. */
const ROSTER_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Who is asking: their address when known, their organization, and what they administer. */
export interface Sender extends Actor {
  /** Empty when the channel gave no address: such a sender can only ask about named addresses. */
  address: string;
  org?: Organization;
  role: 'admin' | 'user' | 'anonymous';
}

/**
 * The sender's address: in Teams the email/UPN from the roster (TeamsInfo.getMember), elsewhere
 * (Emulator, Agents Playground, tests) `from.id` when it is an email address.
 */
async function senderAddress(context: TurnContext, log: (m: string) => void): Promise<{ address?: string; objectId?: string; displayName?: string }> {
  const from = context.activity.from;
  const direct = normalizeAddress(from?.id ?? '');
  if (context.activity.channelId === 'msteams' && from?.id) {
    try {
      const member = await withTimeout(TeamsInfo.getMember(context, from.id), ROSTER_TIMEOUT_MS);
      const address = normalizeAddress(member.email ?? '') ?? normalizeAddress(member.userPrincipalName ?? '') ?? direct;
      return { address, objectId: member.aadObjectId ?? from.aadObjectId, displayName: member.name ?? from.name };
    } catch (err) {
      log(`bot: TeamsInfo.getMember failed for ${from.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { address: direct, objectId: from?.aadObjectId, displayName: from?.name };
}

export async function identify(context: TurnContext, model: PolicyModel, botAdmins: readonly string[], log: (m: string) => void): Promise<Sender> {
  const { address, objectId, displayName } = await senderAddress(context, log);
  if (address === undefined) return { address: '', displayName, objectId, adminOf: [], role: 'anonymous' };
  const adminOf = adminOrgIds(model, address, botAdmins);
  const org = organizationOfAddress(model, address);
  const role = adminOf.length > 0 ? 'admin' : 'user';
  return { address, displayName, objectId, adminOf, org, role };
}
