import { cardsOf, findAction, startTestBot, type ReplyActivity, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';
const ROB = 'rob@contosoeast.com';
// Teams conversation ids are opaque; the harness's default one embeds the sender's address.
const CONVERSATION = { conversation: { id: 'conv-ops-1', conversationType: 'personal' } };

/** Presses the first button whose title starts with `title` on the replies' cards. */
async function press(bot: TestBot, who: string, title: RegExp, replies: ReplyActivity[]): Promise<ReplyActivity[]> {
  const action = cardsOf(replies).map((c) => findAction(c, title)).find(Boolean);
  if (!action) throw new Error(`no ${String(title)} button`);
  return bot.invoke(who, action.verb, action.data, CONVERSATION);
}

const turnLines = (bot: TestBot): Array<Record<string, unknown>> => bot.logs.lines().filter((l) => l.msg === 'turn');

describe('logs of a turn (info level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it.each([
    ['a question', ROB, 'can rob@contosoeast.com chat with ann@contosowest.com?', 'reach', 'answered'],
    ['settings', ROB, 'show settings', 'showSettings', 'answered'],
    ['a change asked by a non-admin', ROB, 'block fabrikam.com', 'change', 'refused'],
    ['a change asked by an admin', EAST_ADMIN, 'block fabrikam.com', 'change', 'previewed'],
    ['something not understood', ROB, 'zorblax quux frobnicate', 'notUnderstood', 'answered'],
  ])('%s: one JSON line with level, time, turn id, channel, conversation, organization and outcome', async (_name, who, text, kind, result) => {
    const before = turnLines(bot).length;
    await bot.say(who, text, CONVERSATION);
    const lines = turnLines(bot).slice(before);
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        msg: 'turn',
        turnId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        channel: 'test',
        conversationId: 'conv-ops-1',
        orgId: 'contoso-east',
        kind,
        result,
        ms: expect.any(Number),
      },
    ]);
    const info = JSON.stringify(bot.logs.lines());
    expect(info).not.toContain('@');
    expect(info).not.toContain(text);
  });

  it('a confirmed change logs "confirmed", and every turn has its own id', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block contosowest.com', CONVERSATION);
    await press(bot, EAST_ADMIN, /^Confirm/, preview);
    const [asked, confirmed] = turnLines(bot).slice(-2);
    expect(asked).toMatchObject({ kind: 'change', result: 'previewed' });
    expect(confirmed).toMatchObject({ kind: 'confirm', result: 'confirmed', orgId: 'contoso-east' });
    const ids = turnLines(bot).map((l) => l.turnId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bot.logs.text()).not.toMatch(/@|contosowest\.com/);
  });
});

describe('logs at debug level', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ LOG_LEVEL: 'debug' });
  });
  afterAll(() => bot.close());

  it('carry the text and the sender on a debug line of the same turn, never on the info line', async () => {
    await bot.say(ROB, 'show settings', CONVERSATION);
    const lines = bot.logs.lines();
    const info = lines.find((l) => l.msg === 'turn');
    const debug = lines.find((l) => l.msg === 'turn request');
    expect(debug).toMatchObject({ level: 'debug', turnId: info?.turnId, from: ROB, text: 'show settings' });
    expect(JSON.stringify(lines.filter((l) => l.level !== 'debug'))).not.toMatch(/@|show settings/);
  });
});

describe('LOG_LEVEL=warn', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ LOG_LEVEL: 'warn' });
  });
  afterAll(() => bot.close());

  it('logs no line for a turn that went well', async () => {
    await bot.say(ROB, 'show settings', CONVERSATION);
    expect(bot.logs.lines()).toEqual([]);
  });
});
