import { TeamsInfo, type TurnContext } from 'botbuilder';
import { normalizeAddress } from '../policy/domain';
import type { Organization, PolicyModel } from '../policy/model';
import { addressVerified, adminOrgIds, homeOrganization, isObjectId, type Credentials } from '../policy/organizations';
import type { Actor } from '../policy/types';
import type { Logger } from '../ops/logger';

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
  /** Empty when the channel proved no address: such a sender can only ask about named addresses. */
  address: string;
  org?: Organization;
  role: 'admin' | 'user' | 'anonymous';
}

/** Which channels' word is taken about who is asking. */
export interface IdentityOptions {
  /** Authentication is off (Emulator, Agents Playground, tests): `from.id` as an address is believed. */
  localMode: boolean;
  /** With authentication on: channels besides Teams whose `from.id` is a sign-in address (TRUSTED_CHANNELS). */
  trustedChannels: readonly string[];
}

interface Proof {
  credentials: Credentials;
  displayName?: string;
}

const stringOr = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);

/**
 * In Teams the channel proves the tenant (`channelData.tenant.id`) and the roster (TeamsInfo.getMember)
 * gives the object id and sign-in address; a roster that names another tenant proves nothing.
 */
async function teamsProof(context: TurnContext, log: Logger): Promise<Proof> {
  const from = context.activity.from;
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenantId = stringOr(channelData?.tenant?.id)?.toLowerCase();
  const fromObjectId = stringOr(from?.aadObjectId);
  if (tenantId === undefined || !isObjectId(tenantId)) {
    log.warn('bot: Teams activity without a tenant id; treated as anonymous');
    log.debug('bot: Teams activity without a tenant id', { from: from?.id });
    return { credentials: {}, displayName: from?.name };
  }
  try {
    const member = await withTimeout(TeamsInfo.getMember(context, from.id), ROSTER_TIMEOUT_MS);
    const memberTenant = stringOr(member.tenantId)?.toLowerCase();
    if (memberTenant !== undefined && memberTenant !== tenantId) {
      log.warn("bot: the roster's tenant differs from the activity's tenant; treated as anonymous", { rosterTenant: memberTenant, tenantId });
      log.debug("bot: the roster's tenant differs from the activity's tenant", { from: from.id });
      return { credentials: {}, displayName: from.name };
    }
    const address = normalizeAddress(member.email ?? '') ?? normalizeAddress(member.userPrincipalName ?? '');
    return { credentials: { address, objectId: stringOr(member.aadObjectId) ?? fromObjectId, tenantId }, displayName: member.name ?? from.name };
  } catch (err) {
    log.warn('bot: TeamsInfo.getMember failed; sender known by object id only', { tenantId, error: err instanceof Error ? err.message : String(err) });
    log.debug('bot: TeamsInfo.getMember failed', { from: from?.id });
    return { credentials: { objectId: fromObjectId, tenantId }, displayName: from?.name };
  }
}

/**
 * What the channel proves about the sender. Teams proves a tenant and an object id; with
 * authentication off (local use) `from.id` as an address is taken at its word, and so it is on the
 * channels listed in TRUSTED_CHANNELS; on any other channel the sender is anonymous (read-only).
 */
async function proof(context: TurnContext, options: IdentityOptions, log: Logger): Promise<Proof> {
  const { channelId, from } = context.activity;
  if (channelId === 'msteams') return teamsProof(context, log);
  if (options.localMode || options.trustedChannels.includes((channelId ?? '').toLowerCase())) {
    const objectId = options.localMode ? stringOr(from?.aadObjectId) : undefined;
    return { credentials: { address: normalizeAddress(from?.id ?? ''), objectId }, displayName: from?.name };
  }
  return { credentials: {}, displayName: from?.name };
}

export async function identify(
  context: TurnContext,
  model: PolicyModel,
  botAdmins: readonly string[],
  options: IdentityOptions,
  log: Logger,
): Promise<Sender> {
  const { credentials, displayName } = await proof(context, options, log);
  const objectId = credentials.objectId;
  if (credentials.address !== undefined && !addressVerified(model, credentials)) {
    log.warn('bot: the address is not one of its tenant; it grants nothing', { tenantId: credentials.tenantId });
    log.debug('bot: the address is not one of its tenant', { address: credentials.address });
    credentials.address = undefined;
  }
  const address = credentials.address;
  if (address === undefined) return { address: '', displayName, objectId, adminOf: [], role: 'anonymous' };
  const adminOf = adminOrgIds(model, credentials, botAdmins);
  const org = homeOrganization(model, credentials);
  const role = adminOf.length > 0 ? 'admin' : 'user';
  return { address, displayName, objectId, adminOf, org, role };
}
