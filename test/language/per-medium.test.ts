import { parse } from '../../src/language';
import { pick, prng, testSeed } from '../support/prng';

/**
 * A change asked for some media only (src/language/perMedium.ts): the settings have no medium, so the
 * parser gives `perMedium` (explained by the bot, never acted on); a medium that is no scope of the
 * change (a reason, "too", a question about coverage) keeps its reading. Held-out sentences, not the
 * ones the vocabulary was written from.
 */
const read = (text: string): string => {
  const r = parse(text);
  if (!r.ok) return 'refused';
  if (r.command.kind !== 'perMedium') return r.command.kind;
  return `perMedium:${r.command.change.kind}:only=${r.command.only.join('+')}:except=${r.command.except.join('+')}`;
};

describe('a change for some media only is explained, whatever the mood', () => {
  it.each([
    ['block tailspin.example for calls only', 'perMedium:addBlocked:only=call:except='],
    ['please allow litware.com just in chats', 'perMedium:addAllowed:only=chat:except='],
    ['block litware.com except for meetings', 'perMedium:addBlocked:only=:except=meet'],
    ['block litware.com but keep meetings, meetings are fine', 'perMedium:addBlocked:only=:except=meet'],
    ['unblock tailspin.example only for meetings', 'perMedium:removeBlocked:only=meet:except='],
    ['allow only litware.com for chat and calls', 'perMedium:allowOnly:only=chat+call:except='],
    ['disable federation during meetings', 'perMedium:setFederation:only=meet:except='],
    ['block all external domains for calls', 'perMedium:setDomainMode:only=call:except='],
    ['is it possible to block litware.com only in calls?', 'perMedium:addBlocked:only=call:except='],
    ['what if we block litware.com just for chat?', 'perMedium:addBlocked:only=chat:except='],
    ['block litware.com, not in teams meetings', 'perMedium:addBlocked:only=:except=meet'],
    ['block litware.com in chat but not in meetings', 'perMedium:addBlocked:only=chat:except=meet'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });
});

describe('a medium that is no scope of the change keeps the reading', () => {
  it.each([
    // A reason, "too", a person or a coverage question: not a per-medium request.
    ['block litware.com, they flood our chats', 'change'],
    ['please block litware.com for chat too', 'change'],
    ['block litware.com as well for calls too', 'change'],
    ['allow litware.com to chat with us', 'change'],
    ['block litware.com for Teams', 'change'],
    ['does the block list also stop meetings?', 'feature'],
    ['is litware.com blocked for meetings?', 'domainStatus'],
    // Negations win before any medium is read.
    ["don't block litware.com for meetings", 'refused'],
    ['never allow litware.com in chats', 'refused'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });
});

describe('a setting stated beside a question is what the person sees, not a request', () => {
  it.each([
    ['external access is off but I can still chat with ann@contosowest.com?', 'reach', /“external access is off” as what you see/],
    ['federation is disabled, yet rob@contosoeast.com can still call ann@contosowest.com. how?', 'reach', /“federation is disabled”/],
    ['external access is disabled for us but ann@contosowest.com can still message me, why?', 'reach', /as what you see/],
  ])('%s → %s', (text, kind, note) => {
    const r = parse(text);
    expect(r.ok && r.command.kind).toBe(kind);
    expect(r.ok ? r.notes.join(' ') : '').toMatch(note);
  });

  it.each([
    // An instruction beside the question is a second request; a statement alone stays what it was.
    ['turn off external access and can I still chat with ann@contosowest.com?', 'refused'],
    ['external access is off for rob@contosoeast.com', 'change'],
  ])('%s → %s', (text, want) => {
    expect(read(text)).toBe(want);
  });
});

/**
 * Seeded: any domain change, said any polite way, with any medium scope before or after a comma, is never
 * a change (it is explained), and the change it explains is the one without the scope. SEED=<n> replays.
 */
describe('property: a change scoped to a medium never acts', () => {
  const SEED = testSeed(777);
  const OPENERS = ['', 'please ', 'can you ', 'hi, ', 'could you please ', 'pls '];
  const CHANGES = ['block litware.com', 'unblock tailspin.example', 'allow litware.com', 'allow only litware.com and tailspin.example', 'turn off external access', 'block all external domains', 'add litware.com to the allowed domains', 'remove tailspin.example from the blocked domains'];
  const MEDIA = ['chat', 'chats', 'calls', 'meetings', 'teams meetings', 'chat and calls', 'video calls', 'messaging'];
  const SCOPES = [(m: string) => ` for ${m} only`, (m: string) => ` but not for ${m}`, (m: string) => ` just in ${m}`, (m: string) => `, ${m} are fine`, (m: string) => ` except ${m}`, (m: string) => ` only for ${m}`, (m: string) => `, but not in ${m}`];

  it('holds for 400 generated requests', () => {
    const rand = prng(SEED);
    for (let i = 0; i < 400; i++) {
      const base = pick(rand, CHANGES);
      const text = `${pick(rand, OPENERS)}${base}${pick(rand, SCOPES)(pick(rand, MEDIA))}`;
      const r = parse(text);
      const plain = parse(base);
      const context = `seed ${SEED}, case ${i}: ${text}`;
      expect({ context, acts: r.ok && (r.command.kind === 'change' || r.command.kind === 'undo' || r.command.kind === 'confirm') }).toEqual({ context, acts: false });
      if (r.ok && r.command.kind === 'perMedium' && plain.ok && plain.command.kind === 'change') expect({ context, change: r.command.change }).toEqual({ context, change: plain.command.change });
    }
  });
});
