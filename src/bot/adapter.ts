import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../ops/logger';
import { TURN_NOTE, type TurnNote } from './turn';

export interface AdapterAuth {
  MicrosoftAppType: string;
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppTenantId: string;
}

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Distinct (bot, service URL, audience) triples kept; a Teams bot sees a handful of regional URLs. */
const MAX_CLIENTS = 64;

/** The bot's own app id as the SDK reads it: the audience claim from channels, the appid claim from the Emulator. */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

/**
 * botbuilder's authentication, except that connector and user-token clients are made once per
 * (bot, service URL, audience) and reused, as the older BotFrameworkAdapter did, instead of once per
 * turn. Building a client assembles a whole HTTP pipeline (about half of the framework's cost of a
 * turn); the client itself holds no per-turn state, and its credentials cache their token. Requests
 * are still authenticated every turn by the SDK itself; a client that failed to build is not kept.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new LRUCache<string, Promise<ConnectorClient>>({ max: MAX_CLIENTS });
  private readonly tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: MAX_CLIENTS });

  async authenticateRequest(activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0], authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(factory, result.claimsIdentity) } : result;
  }

  createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(identity), identity);
  }

  createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.remember(this.tokenClients, appIdOf(identity), () => super.createUserTokenClient(identity));
  }

  private reusing(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(identity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.remember(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }

  private remember<T>(cache: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) return hit;
    const made = make();
    cache.set(key, made);
    made.catch(() => cache.delete(key));
    return made;
  }
}

/**
 * The Bot Framework adapter with the one error handler of the process: it logs with context,
 * apologizes in one line (never a stack trace) and leaves a trace activity for the Emulator.
 */
export function createAdapter(auth: AdapterAuth, log: Logger): CloudAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(auth);
  const adapter = new CloudAdapter(
    new ReusingBotFrameworkAuthentication({ MicrosoftAppId: auth.MicrosoftAppId, MicrosoftAppTenantId: auth.MicrosoftAppTenantId }, credentials),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const a = context.activity;
    const note = context.turnState.get(TURN_NOTE) as TurnNote | undefined;
    log.error('bot: turn failed', { turnId: note?.turnId, type: a.type, channel: a.channelId, conversationId: a.conversation?.id, error: error.stack ?? error.message });
    log.debug('bot: turn failed', { turnId: note?.turnId, from: a.from?.id });
    try {
      await context.sendActivity('Sorry, something went wrong on my side. Nothing was changed; please try again.');
      // The trace reaches whoever is on the other end: it names the failure, never the exception
      // text (which can carry file paths, data or internals); the details are in the log.
      await context.sendTraceActivity('OnTurnError Trace', "The turn failed; the details are in the bot's log.", 'https://www.botframework.com/schemas/error', 'TurnError');
    } catch (sendError) {
      log.warn('bot: could not send the apology', { turnId: note?.turnId, error: String(sendError) });
    }
  };
  return adapter;
}
