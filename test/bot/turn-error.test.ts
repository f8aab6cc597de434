import { CloudAdapter, TestAdapter, ActivityTypes, TurnContext } from 'botbuilder';
import { createAdapter } from '../../src/bot/adapter';
import { captureLogs } from '../support/logs';

describe('onTurnError', () => {
  it('logs with context, apologizes in one line without a stack trace, and sends a trace activity', async () => {
    const logs = captureLogs('info');
    const adapter: CloudAdapter = createAdapter(
      { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' },
      logs.logger,
    );
    // Run the same handler on a test adapter that records what is sent.
    const test = new TestAdapter(async () => {
      throw new Error('boom in a handler');
    });
    test.onTurnError = adapter.onTurnError;
    // Trace activities reach the Emulator only; check that one is sent.
    const trace = jest.spyOn(TurnContext.prototype, 'sendTraceActivity');
    await test
      .send({ type: ActivityTypes.Message, text: 'show settings', channelId: 'emulator' })
      .assertReply((a) => {
        expect(a.text).toMatch(/^Sorry, something went wrong/);
        expect(a.text).not.toMatch(/boom|at |Error/);
      });
    expect(trace).toHaveBeenCalledWith('OnTurnError Trace', expect.not.stringMatching(/boom/), expect.any(String), 'TurnError');
    trace.mockRestore();
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'bot: turn failed', type: 'message', channel: 'emulator', error: expect.stringMatching(/^Error: boom in a handler/) }),
    );
  });
});
