import { judge, type Utterance } from './realworld/judge';

/**
 * What the domain rules cover, asked the ways people ask it (statements ending in "?", "X but not Y",
 * negations, non-native and terse English, admin-center wording): each names a medium or a feature of
 * the external-vs-guest table and must get that row's answer, not the settings card. Own sentences,
 * none from the dev set; judged through the real endpoint by the dev set's judge.
 */
type Row = [text: string, role: 'admin' | 'user', accept: string[], features: string[], mention: string[]];
const question = ([text, role, accept, features, mention]: Row): Utterance => ({
  text,
  role,
  expect: { kind: 'question', accept, ...(features.length > 0 ? { features } : {}), ...(mention.length > 0 ? { mention } : {}) },
});

const MEET = ['meetingInvite'];
const coverage: Row[] = [
  ['the allowed domains list blocks chats and calls, but meetings still work?', 'admin', ['feature'], MEET, ['meeting', 'anonym']],
  ['does the allowed list apply to meetings too?', 'admin', ['feature'], MEET, ['meeting']],
  ['why can blocked domains still join our meetings?', 'admin', ['feature'], MEET, ['anonym']],
  ['we blocked fabrikam.com but their people still join our teams meetings', 'admin', ['feature'], MEET, ['anonym']],
  ['blocked domains restrict chat but not meetings?', 'user', ['feature'], MEET, ['meeting']],
  ['Block only specific external domains stops chats, not calls?', 'admin', ['feature'], ['call', 'chat'], []],
  ['domain blocklist does not apply to screen sharing in meetings?', 'admin', ['feature'], ['screenSharing', 'meetingInvite'], []],
  ['allowed domains list not applying to meeting invites', 'admin', ['feature'], MEET, ['meeting']],
  ['external access settings is also for meeting or only chat?', 'user', ['feature'], ['meetingInvite', 'chat'], []],
  ['do federation settings affect who can join my meetings?', 'admin', ['feature'], MEET, ['meeting']],
  ['people from blocked domain can still join meeting, is it normal', 'admin', ['feature'], MEET, ['anonym']],
  ['why can someone from a blocked company still get into my teams meeting?', 'user', ['feature'], MEET, ['anonym']],
  ['is file sharing covered by the allowed domains setting?', 'admin', ['feature'], ['shareFiles'], []],
  ['does the blocked domains list stop group chats as well?', 'user', ['feature'], ['groupChat'], []],
  ['domain allow list applies to calls too, or just chat?', 'admin', ['feature'], ['call', 'chat'], []],
  ['the block list hides presence as well?', 'user', ['feature'], ['presence'], []],
  ['meetings are not affected by our domain allow list, right?', 'admin', ['feature'], MEET, ['meeting']],
  ['external access settings dont stop screen share?', 'user', ['feature'], ['screenSharing'], []],
  ['do these external access settings cover meetings?', 'admin', ['feature'], MEET, ['meeting']],
  ['restricting external domains doesnt block meeting join??', 'admin', ['feature'], MEET, ['anonym']],
  ['the domain restrictions affect chats and calls but what about meetings', 'admin', ['feature'], MEET, ['meeting']],
  ['our blocked domains can still send us meeting invites?', 'user', ['feature'], MEET, ['meeting']],
  ['allowed domains only restricts IM, video calls still go through?', 'admin', ['feature'], ['video', 'chat', 'call'], []],
  ['blocked domain list also hide my online status from them?', 'user', ['feature'], ['presence'], []],
  ['block list dont work for meetings', 'admin', ['feature'], MEET, ['meeting']],
  ['why external access blocked domain can join meeting still', 'user', ['feature'], MEET, ['anonym']],
  ['allowed domains apply only to chat? what about file sharing', 'admin', ['feature'], ['shareFiles', 'chat'], []],
  ['is the allow list also for screen sharing or only for chatting', 'user', ['feature'], ['screenSharing'], []],
  ['"Choose which external domains your users have access to" - does that include meetings?', 'admin', ['feature'], MEET, ['meeting']],
  ['external domains restriction does not cover group chat??', 'admin', ['feature'], ['groupChat'], []],
  ['blocked orgs still able to join my meeting anonymously, why?', 'user', ['feature'], MEET, ['anonym']],
  ['does Allow only specific external domains restrict meetings or only chat and calls', 'admin', ['feature'], MEET, ['meeting']],
  ['blocklist affects calls but not video?', 'user', ['feature'], ['video', 'call'], []],
];

/** Near-misses that must keep their answer: changes, settings, verdicts, a domain's status, history. */
const keep: Utterance[] = [
  { text: 'block fabrikam.com', role: 'admin', expect: { kind: 'change', all: [{ kind: 'addBlocked', domains: ['fabrikam.com'] }] } },
  { text: 'allow only fabrikam.com', role: 'admin', expect: { kind: 'change', all: [{ kind: 'allowOnly', domains: ['fabrikam.com'] }] } },
  { text: 'block all external domains', role: 'admin', expect: { kind: 'change', all: [{ kind: 'setDomainMode', mode: 'blockAll' }] } },
  ...([
    ['show settings', 'admin', ['settings'], [], []],
    ['what are our external access settings', 'admin', ['settings'], [], []],
    ['show blocked domains', 'admin', ['settings'], [], []],
    ['which external domains can we chat with?', 'user', ['settings'], [], []],
    ['who changed the blocked domains list?', 'admin', ['history'], [], []],
    ['how do I block a domain for meetings?', 'admin', ['howto'], [], []],
    ['can external users join our meetings?', 'user', ['feature'], MEET, []],
  ] as Row[]).map(question),
  { text: 'can rob reach ann@contosowest.com', role: 'user', expect: { kind: 'question', accept: ['reach'], target: 'contosowest.com' } },
  { text: 'can I meet with ann@contosowest.com?', role: 'user', expect: { kind: 'question', accept: ['reach'], target: 'contosowest.com' } },
  { text: "why can't I chat with ann@contosowest.com but calls work?", role: 'user', expect: { kind: 'question', accept: ['reach'], target: 'contosowest.com' } },
  { text: 'is fabrikam.com blocked for meetings too?', role: 'admin', expect: { kind: 'question', accept: ['domainStatus'], domain: 'fabrikam.com' } },
];

describe('what the domain rules cover: a medium or feature named gets its row', () => {
  it.each(coverage.map((r) => [r[0], question(r)] as const))('%s', async (_text, u) => {
    const r = await judge(u);
    expect({ understood: r.understood, misfire: r.misfire, why: r.why }).toEqual({ understood: true, misfire: false, why: '' });
  });
});

describe('near-misses keep their answer', () => {
  it.each(keep.map((u) => [u.text, u] as const))('%s', async (_text, u) => {
    const r = await judge(u);
    expect({ understood: r.understood, misfire: r.misfire, why: r.why }).toEqual({ understood: true, misfire: false, why: '' });
  });
});
