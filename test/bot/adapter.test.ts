import { quietLogger } from '../support/logs';
import { ActivityHandler, ConfigurationServiceClientCredentialFactory, type CloudAdapter } from 'botbuilder';
import { createAdapter, ReusingBotFrameworkAuthentication } from '../../src/bot/adapter';

const noAuth = { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' };

/** Runs one turn through adapter.process (as the server does) and returns the turn's connector client. */
async function connectorOfTurn(adapter: CloudAdapter, serviceUrl: string): Promise<unknown> {
  let client: unknown;
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    client = context.turnState.get(adapter.ConnectorClientKey);
    await context.sendActivity('ok');
    await next();
  });
  const res = { socket: null, statusCode: 0, status(c: number) { this.statusCode = c; return this; }, header() { return this; }, send() { return this; }, end() { return this; } };
  const body = { type: 'message', text: 'hi', channelId: 'test', serviceUrl, deliveryMode: 'expectReplies', from: { id: 'rob@contosoeast.com' }, recipient: { id: 'bot' }, conversation: { id: 'c' } };
  await adapter.process({ body, headers: {}, method: 'POST' }, res, (context) => bot.run(context));
  expect(res.statusCode).toBe(200);
  return client;
}

describe('the adapter reuses connector clients', () => {
  it('gives turns from the same service URL the same client, and another URL its own', async () => {
    const adapter = createAdapter(noAuth, quietLogger);
    const first = await connectorOfTurn(adapter, 'https://smba.example/emea/');
    const second = await connectorOfTurn(adapter, 'https://smba.example/emea/');
    const other = await connectorOfTurn(adapter, 'https://smba.example/amer/');
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('keeps a bounded number of clients', async () => {
    const adapter = createAdapter(noAuth, quietLogger);
    const first = await connectorOfTurn(adapter, 'https://u0.example/');
    for (let i = 1; i <= 64; i++) await connectorOfTurn(adapter, `https://u${i}.example/`);
    // 65 distinct URLs through a cache of 64: the oldest was forgotten and is built again.
    expect(await connectorOfTurn(adapter, 'https://u0.example/')).not.toBe(first);
  });

  it('does not keep a client that failed to build', async () => {
    const auth = new ReusingBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory(noAuth));
    const identity = (await auth.authenticateRequest({ type: 'message', serviceUrl: 'https://x.example/' } as never, '')).claimsIdentity;
    const inner = jest.spyOn(ConfigurationServiceClientCredentialFactory.prototype, 'createCredentials').mockRejectedValueOnce(new Error('no token'));
    const factory = auth.createConnectorFactory(identity);
    await expect(factory.create('https://x.example/')).rejects.toThrow('no token');
    const retried = await factory.create('https://x.example/');
    expect(retried).toBeDefined();
    expect(await factory.create('https://x.example/')).toBe(retried);
    inner.mockRestore();
  });
});
