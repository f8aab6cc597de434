import { cardActions, cardsOf, describeExchange, openChat } from '../support/chat-client';
import { startTestBot, type TestBot } from '../support/harness';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.close());

describe('npm run chat: a conversation from the shell through the real endpoint', () => {
  it('types, reads the card as lines and presses a button by the start of its title', async () => {
    const chat = openChat(bot.url, 'admin@contosoeast.com');
    const preview = await chat.say('turn off external access');
    expect(preview.status).toBe(200);
    const lines = describeExchange(preview).join('\n');
    expect(lines).toMatch(/\| \[Confirm/);
    expect(bot.storeJson().audit).toHaveLength(0);

    const confirmed = await chat.press('confirm');
    expect(confirmed?.status).toBe(200);
    expect(bot.storeJson().audit.length).toBeGreaterThan(0);

    const verdict = describeExchange(await chat.say('can rob@contosoeast.com reach ann@contosowest.com?')).join('\n');
    expect(verdict).toMatch(/Not reachable/);
  });

  it('says so when no button has that title, and sends nothing', async () => {
    const chat = openChat(bot.url, 'rob@contosoeast.com');
    await chat.say('show settings');
    const before = bot.storeBytes();
    expect(await chat.press('no such button')).toBeUndefined();
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('finds the buttons of a card but not the Action.Submit fallback of each', () => {
    const card = {
      type: 'AdaptiveCard',
      actions: [{ type: 'Action.Execute', title: 'Undo', verb: 'undo', fallback: { type: 'Action.Submit', title: 'Undo' } }],
    };
    expect(cardActions(cardsOf([{ type: 'message', attachments: [{ content: card }] }])).map((a) => a.type)).toEqual(['Action.Execute']);
  });
});
