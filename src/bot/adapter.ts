import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';

export interface AdapterAuth {
  MicrosoftAppType: string;
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppTenantId: string;
}

/**
 * The Bot Framework adapter with the one error handler of the process: it logs with context,
 * apologizes in one line (never a stack trace) and leaves a trace activity for the Emulator.
 */
export function createAdapter(auth: AdapterAuth, log: (message: string) => void): CloudAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory(auth);
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: auth.MicrosoftAppId, MicrosoftAppTenantId: auth.MicrosoftAppTenantId }, credentials),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const a = context.activity;
    log(`bot: turn failed (${a.type} in ${a.conversation?.id ?? '?'} from ${a.from?.id ?? '?'}): ${error.stack ?? error.message}`);
    try {
      await context.sendActivity('Sorry, something went wrong on my side. Nothing was changed; please try again.');
      await context.sendTraceActivity('OnTurnError Trace', error.message, 'https://www.botframework.com/schemas/error', 'TurnError');
    } catch (sendError) {
      log(`bot: could not send the apology: ${String(sendError)}`);
    }
  };
  return adapter;
}
