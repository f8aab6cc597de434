import { FederationBot, PlanMemo } from '../../src/bot';
import { MemoryConfirmationStore } from '../../src/store/memoryConfirmations';
import { createAdapter } from '../../src/bot/adapter';
import type { TurnOutcome } from '../../src/bot/turn';
import type { PolicyStore } from '../../src/store/types';
import { captureLogs } from '../support/logs';

const noAuth = { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' };

describe('a turn that fails', () => {
  it('is logged and counted as "error", and the error line carries the same turn id', async () => {
    const logs = captureLogs('info');
    const outcomes: TurnOutcome[] = [];
    // A store that cannot be read: the turn throws, as on a bug, and the adapter's handler takes over.
    const store = { sync: async () => ({ ok: true }), read: () => { throw new Error('store exploded'); } } as unknown as PolicyStore;
    const bot = new FederationBot({
      store,
      botAdmins: [],
      identity: { localMode: true, trustedChannels: [] },
      pending: new MemoryConfirmationStore(),
      plans: new PlanMemo(),
      clock: () => new Date('2026-11-24T10:00:00Z'),
      log: logs.logger,
      onTurnEnd: (o) => outcomes.push(o),
    });
    const adapter = createAdapter(noAuth, logs.logger);
    const res = { socket: null, statusCode: 0, status(c: number) { this.statusCode = c; return this; }, header() { return this; }, send() { return this; }, end() { return this; } };
    const body = {
      type: 'message', text: 'show settings', channelId: 'test', serviceUrl: 'http://127.0.0.1:9/', deliveryMode: 'expectReplies',
      from: { id: 'rob@contosoeast.com' }, recipient: { id: 'bot' }, conversation: { id: 'c-1' },
    };
    await adapter.process({ body, headers: {}, method: 'POST' }, res, (context) => bot.run(context));

    expect(outcomes).toEqual([{ kind: 'showSettings', result: 'error', seconds: expect.any(Number) }]);
    const turn = logs.lines().find((l) => l.msg === 'turn');
    expect(turn).toMatchObject({ level: 'info', kind: 'showSettings', result: 'error', channel: 'test', conversationId: 'c-1' });
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'bot: turn failed', turnId: turn?.turnId, error: expect.stringMatching(/^Error: store exploded/) }),
    );
    expect(logs.text()).not.toMatch(/@|show settings/);
  });
});
