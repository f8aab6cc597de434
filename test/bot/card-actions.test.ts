import { allText, startTestBot, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';

describe('card actions are untrusted input', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it.each([
    ['an unknown verb', 'explode', { anything: 1 }],
    ['run without a command', 'run', {}],
    ['run with a command of unknown kind', 'run', { command: { kind: 'format-disk' } }],
    ['a change with domains as a string', 'run', { command: { kind: 'change', change: { kind: 'addBlocked', org: 'contoso-east', domains: 'x.com' } } }],
    ['a change with an extra field', 'run', { command: { kind: 'change', change: { kind: 'setFederation', org: 'contoso-east', enabled: false, sneaky: true } } }],
    ['confirm without an id', 'confirm', {}],
    ['confirm with an unknown id', 'confirm', { pendingId: 'no-such-preview' }],
    ['say without text', 'say', {}],
    ['editList with an unknown list', 'editList', { org: 'contoso-east', list: 'purple', op: 'add', domain: 'x.com' }],
    ['editList with an empty domain', 'editList', { org: 'contoso-east', list: 'blocked', op: 'add', domain: '' }],
    ['editList with an invalid domain', 'editList', { org: 'contoso-east', list: 'blocked', op: 'add', domain: 'not a domain' }],
  ])('%s gets a clear message and changes nothing', async (_name, verb, data) => {
    const before = bot.storeBytes();
    const replies = await bot.invoke(EAST_ADMIN, verb, data);
    expect(allText(replies)).toMatch(/nothing|cannot|can't|type a domain|not/i);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a well-formed change from a button still needs the admin role', async () => {
    const before = bot.storeBytes();
    const replies = await bot.invoke('rob@contosoeast.com', 'run', {
      command: { kind: 'change', change: { kind: 'setFederation', org: 'contoso-east', enabled: false } },
    });
    expect(allText(replies)).toMatch(/Only an admin of Contoso East/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a non-activity-shaped submit value is refused', async () => {
    const before = bot.storeBytes();
    const replies = await bot.submit(EAST_ADMIN, { verb: ['run'], command: 'block everything' });
    expect(allText(replies)).toMatch(/cannot use/i);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});

describe('group chats and channels', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  const channel = { conversation: { id: '19:channel@thread.skype', conversationType: 'channel' } };

  it('answers when @mentioned, with the mention stripped before parsing', async () => {
    const replies = await bot.say('rob@contosoeast.com', '<at>Federation Assistant</at> show settings', {
      ...channel,
      entities: [{ type: 'mention', text: '<at>Federation Assistant</at>', mentioned: { id: 'federation-assistant', name: 'Federation Assistant' } }],
    });
    expect(allText(replies)).toMatch(/Allow all external domains/);
  });

  it('stays quiet when not mentioned', async () => {
    const replies = await bot.say('rob@contosoeast.com', 'show settings', channel);
    expect(replies).toEqual([]);
  });

  it('greets a new conversation with the welcome card', async () => {
    const res = await bot.post({
      type: 'conversationUpdate',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      from: { id: 'rob@contosoeast.com' },
      recipient: { id: 'federation-assistant' },
      conversation: { id: 'new-conv', conversationType: 'personal' },
      membersAdded: [{ id: 'rob@contosoeast.com' }, { id: 'federation-assistant' }],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: never[] };
    expect(allText(body.activities)).toMatch(/welcome|hello|hi/i);
  });
});

describe('welcome and help', () => {
  it.each([
    ['admin', false, 12],
    ['admin', true, 8],
    ['user', false, 8],
    ['user', true, 6],
  ] as const)('%s (welcome %s): at most %i buttons on the first screen; every real example but Confirm, Cancel and Help one press away', async (role, welcome, most) => {
    const { EXAMPLES } = await import('../../src/language');
    const { help } = await import('../../src/bot/views');
    const { visible } = await import('../cards/cardCheck');
    const card = help(role, welcome).card;
    const count = (c: unknown) => (JSON.stringify(c).match(/"Action\.(Execute|ToggleVisibility)"/g) ?? []).length;
    expect(count(visible(card as Record<string, unknown>))).toBeLessThanOrEqual(most);
    const texts = (JSON.stringify(card).match(/"text":"[^"]*"/g) ?? []).filter((t) => !t.startsWith('"text":"${'));
    const offered = EXAMPLES.filter((e) => !['confirm', 'cancel', 'help'].includes(e.command.kind) && (role === 'admin' || e.role !== 'admin'));
    const pressed = [...JSON.stringify(card).matchAll(/"verb":"example","data":\{"text":"([^"]*)"/g)].map((m) => m[1]);
    expect(pressed.sort()).toEqual(offered.map((e) => e.text).sort());
    expect(texts.length).toBeGreaterThan(0);
    expect(JSON.stringify(card)).not.toMatch(/"title":"(Confirm|Cancel)"/);
  });
});

describe('help and welcome examples never act', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  const rows = async () => {
    const { EXAMPLES } = await import('../../src/language');
    return EXAMPLES;
  };

  it.each([
    ['an admin, Action.Execute', EAST_ADMIN, 'invoke'],
    ['an admin, Action.Submit', EAST_ADMIN, 'submit'],
    ['a user, Action.Execute', 'rob@contosoeast.com', 'invoke'],
    ['a user, Action.Submit', 'rob@contosoeast.com', 'submit'],
  ] as const)('every example pressed by %s leaves the store as it was', async (_name, who, how) => {
    const before = bot.storeBytes();
    for (const e of await rows()) {
      const replies = how === 'invoke' ? await bot.invoke(who, 'example', { text: e.text }) : await bot.submit(who, { verb: 'example', text: e.text });
      const text = allText(replies);
      expect(bot.storeBytes().equals(before)).toBe(true);
      // A user never sees a button that could change something; an admin's change examples are previews.
      if (who !== EAST_ADMIN) expect(text).not.toMatch(/Confirm this change|Undo this change/);
      if (e.command.kind === 'change') {
        const answer = who === EAST_ADMIN ? /^Contoso East[\s\S]*Nothing is changed until you press Confirm|Nothing to change|Nothing was changed/m : /Nothing was changed/;
        expect(text).toMatch(answer);
      }
      if (e.command.kind === 'confirm' || e.command.kind === 'cancel') expect(text).toMatch(/does nothing by itself/);
    }
  });
});
