import {
  cancelAction,
  cardActionSchema,
  confirmAction,
  editListAction,
  runAction,
  sayAction,
} from '../../src/cards/actions';
import { commandSchema } from '../../src/language/command';
import { executeActions, walk } from './cardCheck';
import { catalog } from './catalog';

describe('action helpers', () => {
  it.each([
    ['run', runAction('Blocked, page 2', { kind: 'showSettings', orgRef: 'contoso-east', list: 'blocked', page: 1 }), { command: { kind: 'showSettings', orgRef: 'contoso-east', list: 'blocked', page: 1 } }],
    ['say', sayAction('Our settings', 'show our settings'), { text: 'show our settings' }],
    ['confirm', confirmAction('p-1'), { pendingId: 'p-1' }],
    ['cancel', cancelAction('p-1'), { pendingId: 'p-1' }],
    ['editList', editListAction('Add', { org: 'contoso-east', list: 'blocked', op: 'add' }), { org: 'contoso-east', list: 'blocked', op: 'add' }],
  ])('%s: Action.Execute with verb and data, Action.Submit fallback with data + verb', (verb, action, data) => {
    expect(action).toMatchObject({ type: 'Action.Execute', verb, data });
    expect(action.data).not.toHaveProperty('verb');
    expect(action.fallback).toEqual(expect.objectContaining({ type: 'Action.Submit', title: action.title, data: { ...data, verb } }));
  });

  it('shortens long titles (buttons are plain text)', () => {
    expect(sayAction('x'.repeat(200), 'x').title.length).toBeLessThanOrEqual(60);
  });
});

describe('cardActionSchema', () => {
  it.each([
    ['run', { verb: 'run', command: { kind: 'undo', orgRef: 'contoso-east', entryId: 'e1' } }],
    ['run a change', { verb: 'run', command: { kind: 'change', change: { kind: 'setDomainMode', org: 'contoso-east', mode: 'allowAll' } } }],
    ['say', { verb: 'say', text: 'show our settings' }],
    ['confirm', { verb: 'confirm', pendingId: 'p-1' }],
    ['cancel', { verb: 'cancel', pendingId: 'p-1' }],
    ['editList with the typed domain', { verb: 'editList', org: 'contoso-east', list: 'allowed', op: 'remove', domain: 'fabrikam.com' }],
    ['editList with nothing typed', { verb: 'editList', org: 'contoso-east', list: 'blocked', op: 'add' }],
    ['run with a merged input value', { verb: 'run', command: { kind: 'matrix' }, domain: 'x.com' }],
  ])('accepts %s', (_what, data) => {
    expect(cardActionSchema.safeParse(data).success).toBe(true);
  });

  it.each([
    ['no verb', { text: 'hi' }],
    ['an unknown verb', { verb: 'delete', pendingId: 'p' }],
    ['run without a command', { verb: 'run' }],
    ['run with an invalid command', { verb: 'run', command: { kind: 'shutdown' } }],
    ['run with extra command fields', { verb: 'run', command: { kind: 'help', admin: true } }],
    ['say with empty text', { verb: 'say', text: '  ' }],
    ['say with huge text', { verb: 'say', text: 'x'.repeat(501) }],
    ['confirm without pendingId', { verb: 'confirm' }],
    ['editList on the trial list', { verb: 'editList', org: 'contoso-east', list: 'trial', op: 'add' }],
    ['editList with another op', { verb: 'editList', org: 'contoso-east', list: 'blocked', op: 'replace' }],
    ['editList without org', { verb: 'editList', list: 'blocked', op: 'add' }],
  ])('rejects %s', (_what, data) => {
    expect(cardActionSchema.safeParse(data).success).toBe(false);
  });

  it('strips merged inputs it does not know', () => {
    expect(cardActionSchema.parse({ verb: 'confirm', pendingId: 'p', domain: 'x' })).toEqual({ verb: 'confirm', pendingId: 'p' });
  });
});

describe.each(catalog)('action convention: %s', (_name, bind) => {
  const { card } = bind();

  it('every Action.Execute has a verb and an Action.Submit fallback with the same data plus verb', () => {
    for (const a of executeActions(card)) {
      expect(typeof a.verb).toBe('string');
      expect(typeof a.title).toBe('string');
      expect(a.fallback).toEqual(expect.objectContaining({ type: 'Action.Submit', title: a.title, data: { ...(a.data as object), verb: a.verb } }));
    }
  });

  it('every button sends data the bot accepts (cardActionSchema, commands valid under commandSchema)', () => {
    for (const a of executeActions(card)) {
      const sent = (a.fallback as { data: Record<string, unknown> }).data;
      const parsed = cardActionSchema.safeParse(sent);
      expect(parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe('');
      if (sent.verb === 'run') expect(commandSchema.safeParse(sent.command).success).toBe(true);
    }
  });

  it('has no Action.Submit, Action.OpenUrl or ShowCard outside fallbacks (ToggleVisibility folds in the client only)', () => {
    walk(card, (node, path) => {
      const bot = typeof node.type === 'string' && node.type.startsWith('Action.') && node.type !== 'Action.ToggleVisibility';
      if (bot && node.type !== 'Action.Execute') expect(path).toMatch(/\.fallback$/);
    });
  });
});
