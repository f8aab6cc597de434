import comparison from '../../../data/comparison.json';
import { allText, cardsOf, startTestBot, step, type ReplyActivity, type TestBot } from '../../support/harness';

/** One dev-set utterance, as the file gives it. */
export interface Utterance {
  text: string;
  role: 'admin' | 'user';
  setup?: string[];
  expect: ChangeExpect | QuestionExpect | NothingExpect;
}
export interface Effect {
  kind: string;
  domains?: string[];
  mode?: string;
  enabled?: boolean;
  outbound?: boolean;
  inbound?: boolean;
  allowed?: boolean;
  user?: string;
  parent?: string;
}
interface ChangeExpect { kind: 'change'; all?: Effect[]; anyOf?: Effect[] }
interface QuestionExpect {
  kind: 'question';
  accept: string[];
  target?: string;
  domain?: string;
  parties?: string[];
  features?: string[];
  mention?: string[];
  /** The organization a settings answer must show (Contoso East, the asker's own, when absent). */
  org?: string;
}
/** A near-miss ("don't block x.com", "maybe later"): any reply that acts on nothing and offers no Confirm. */
interface NothingExpect { kind: 'nothing'; mention?: string[] }
export interface Judged { understood: boolean; misfire: boolean; why: string; reply: string }

const ADMIN = 'admin@contosoeast.com';
const ROB = 'rob@contosoeast.com';
const ANN = 'ann@contosowest.com';
const ALICE = 'alice@outlook.com';
const OUR_ORG = 'contoso-east';
const NOT_UNDERSTOOD = /I didn't understand|I'm not sure|not sure what/i;
const MODE_LABEL = /Allow all external domains|Allow only specific external domains|Block only specific external domains|Block all external domains|external access is off/i;

type Outcome = 'Reachable' | 'Not reachable' | 'Depends' | undefined;

/** The bot's own verdict for "can A reach B?", asked by the admin. */
async function outcome(bot: TestBot, from: string, to: string): Promise<Outcome> {
  const text = allText(await bot.say(ADMIN, `can ${from} reach ${to}?`));
  const m = /^(Reachable|Not reachable|Depends)/m.exec(text);
  return m?.[1] as Outcome;
}
const someone = (domain: string): string => `someone@${domain}`;
const ours = (bot: TestBot): Record<string, any> => bot.storeJson().organizations.find((o) => o.id === OUR_ORG) ?? {};

/** Whether one wanted effect shows in the bot's answers (or, for settings no verdict shows, in the store). */
async function holds(bot: TestBot, e: Effect, alone: boolean, reply: string, before: Record<string, any>, fresh: Record<string, any>): Promise<boolean> {
  const domains = e.domains ?? [];
  const annSpared = !domains.includes('contosowest.com');
  const each = async (from: string, want: (o: Outcome) => boolean): Promise<boolean> => {
    for (const d of domains) if (!want(await outcome(bot, from, someone(d)))) return false;
    return true;
  };
  const open = (o: Outcome): boolean => o !== undefined && o !== 'Not reachable';
  switch (e.kind) {
    case 'setFederation':
      return (await outcome(bot, ADMIN, ANN)) === (e.enabled ? 'Reachable' : 'Not reachable');
    case 'setDomainMode':
      if (e.mode === 'allowAll') return (await outcome(bot, ADMIN, ANN)) === 'Reachable' && open(await outcome(bot, ADMIN, someone('northwind.com')));
      if (e.mode === 'blockAll') return (await outcome(bot, ADMIN, ANN)) === 'Not reachable' && (await outcome(bot, ADMIN, someone('northwind.com'))) === 'Not reachable';
      return ours(bot).settings?.domainMode === e.mode;
    case 'addBlocked':
      return (await each(ADMIN, (o) => o === 'Not reachable')) && (!alone || !annSpared || (await outcome(bot, ADMIN, ANN)) === 'Reachable');
    case 'removeBlocked':
      return each(ADMIN, open);
    case 'addAllowed':
      return (await each(ADMIN, open)) && domains.every((d) => (ours(bot).settings?.allowedDomains ?? []).includes(d));
    case 'removeAllowed':
      return domains.every((d) => !(ours(bot).settings?.allowedDomains ?? []).includes(d));
    case 'allowOnly':
      return (await each(ADMIN, open)) && (!annSpared || (await outcome(bot, ADMIN, ANN)) === 'Not reachable');
    case 'setTeamsConsumer': {
      if (e.outbound !== undefined && (await outcome(bot, ROB, ALICE)) !== (e.outbound ? 'Reachable' : 'Not reachable')) return false;
      if (e.inbound !== undefined && (await outcome(bot, ALICE, ROB)) !== (e.inbound ? 'Reachable' : 'Not reachable')) return false;
      return true;
    }
    case 'setTrialTenants':
      return /trial/i.test(reply) && ours(bot).settings?.trialTenants === (e.allowed ? 'Allowed' : 'Blocked') && JSON.stringify(ours(bot)) !== JSON.stringify(before);
    case 'addTrialException':
      return /trial/i.test(reply) && domains.every((d) => (ours(bot).settings?.allowedTrialTenantDomains ?? []).includes(d));
    case 'setUserFederation': {
      const user = e.user ?? ROB;
      const wantUser = e.enabled ? 'Reachable' : 'Not reachable';
      return (await outcome(bot, user, ANN)) === wantUser && (user === ADMIN || (await outcome(bot, ADMIN, ANN)) === 'Reachable');
    }
    case 'perUserAllowOnly': {
      const user = e.user ?? ROB;
      return (await each(user, open)) && (!annSpared || (await outcome(bot, user, ANN)) === 'Not reachable') && (await outcome(bot, ADMIN, ANN)) === 'Reachable';
    }
    case 'setSubdomainBlocking': {
      const parent = e.parent ?? 'contoso.com';
      const sub = await outcome(bot, ADMIN, someone(`chat.${parent}`));
      return e.enabled ? sub === 'Not reachable' : open(sub);
    }
    case 'updatePolicy':
      return JSON.stringify(ours(bot).policies) !== JSON.stringify(before.policies);
    case 'undo':
      // The setup's change is taken back: our organization is as the fresh demo store has it.
      return JSON.stringify(ours(bot).settings) === JSON.stringify(fresh.settings) && JSON.stringify(ours(bot).policies) === JSON.stringify(fresh.policies);
    default:
      return false;
  }
}

/** Every Action.Execute on the reply's cards. */
function buttons(replies: ReplyActivity[]): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== 'object' || n === null) return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Execute') out.push({ title: String(o.title ?? ''), verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
    Object.values(o).forEach(walk);
  };
  cardsOf(replies).forEach(walk);
  return out;
}

const FEATURES = comparison.rows.map((r) => ({ id: r.id, words: [r.label, ...r.keywords].map((w) => w.toLowerCase()) }));
const ORG_NAMES: Record<string, string> = { 'contosoeast.com': 'Contoso East', 'contosowest.com': 'Contoso West', 'fabrikam.com': 'Fabrikam' };
const names = (text: string, domain: string): boolean => text.toLowerCase().includes(domain) || (ORG_NAMES[domain] !== undefined && text.includes(ORG_NAMES[domain]));

/** The kinds of answer a reply gives, read from what a person sees. */
function answerKinds(text: string, q: QuestionExpect, asker: string): string[] {
  const kinds: string[] = [];
  const askerSide = names(text, asker.split('@')[1] ?? '') || text.includes(asker);
  if (/^(Reachable|Not reachable|Depends)/m.test(text) && askerSide) {
    const parties = q.parties ?? (q.target ? [q.target] : []);
    if (parties.every((p) => names(text, p))) kinds.push('reach');
  }
  if (text.includes(q.org ?? 'Contoso East') && MODE_LABEL.test(text)) kinds.push('settings');
  if (/guest/i.test(text) && /external/i.test(text) && (text.match(/^(Yes|No)\b/gm) ?? []).length >= 6) kinds.push('comparison');
  const lower = text.toLowerCase();
  const yesNo = /^(Yes|No)\b/m.test(text);
  const named = (q.features ?? []).some((id) => FEATURES.find((f) => f.id === id)?.words.some((w) => lower.includes(w)));
  if (yesNo && named) kinds.push('feature');
  if (/don't have|do not have|not in (?:the|my) (?:table|comparison)|not covered|I don't know/i.test(text) || yesNo) kinds.push('featureUnknown');
  const domain = q.domain ?? q.target;
  if (domain !== undefined && lower.includes(domain) && /allowed|blocked/i.test(text)) kinds.push('domainStatus');
  if (/^History\b/m.test(text) || /Nothing changed here yet/.test(text)) kinds.push('history');
  if (/Teams admin center >|\b(?:Set|Grant|New|Get)-Cs\w+|\b(?:type|say|send)\b[^\n]*["“]/.test(text)) kinds.push('howto');
  return kinds;
}

/** Runs one utterance on a fresh demo store and judges the reply as the dev set's note says. */
export async function judge(u: Utterance): Promise<Judged> {
  const bot = await startTestBot();
  try {
    const fresh = ours(bot);
    let previous: ReplyActivity[] = [];
    for (const s of u.setup ?? []) {
      // "!Confirm" presses the preview's button; a change applied at once has none to press.
      if (s.startsWith('!') && !buttons(previous).some((b) => b.title.toLowerCase().startsWith(s.slice(1).toLowerCase()))) continue;
      previous = await step(bot, ADMIN, s, previous);
    }
    const who = u.role === 'admin' ? ADMIN : ROB;
    const before = bot.storeJson();
    const beforeOrgs = JSON.stringify(before.organizations);
    const replies = await bot.say(who, u.text);
    let reply = allText(replies);
    if (u.expect.kind === 'change') {
      const confirm = buttons(replies).find((b) => /^confirm/i.test(b.title));
      if (confirm) reply += `\n${allText(await bot.invoke(who, confirm.verb, confirm.data))}`;
      if (JSON.stringify(bot.storeJson().organizations) === beforeOrgs) return { understood: false, misfire: false, why: 'nothing changed', reply };
      const wanted = u.expect.all ?? u.expect.anyOf ?? [];
      const ok: boolean[] = [];
      const ourBefore = before.organizations.find((o) => o.id === OUR_ORG) ?? {};
      for (const e of wanted) ok.push(await holds(bot, e, wanted.length === 1, reply, ourBefore, fresh));
      const understood = u.expect.all ? ok.every(Boolean) : ok.some(Boolean);
      return { understood, misfire: false, why: understood ? '' : `effect not seen: ${JSON.stringify(wanted)}`, reply };
    }
    const q = u.expect;
    if (JSON.stringify(bot.storeJson().organizations) !== beforeOrgs) return { understood: false, misfire: true, why: 'a question changed the store', reply };
    for (const b of buttons(replies)) {
      if (/^(confirm|yes)/i.test(b.title)) continue;
      await bot.invoke(who, b.verb, b.data);
      // Not a misfire of the reading (the issue's misfire is the typed question changing the store), but
      // a reply no person should get: counted as not understood.
      if (JSON.stringify(bot.storeJson().organizations) !== beforeOrgs) return { understood: false, misfire: false, why: `button "${b.title}" changed the store`, reply };
    }
    if (buttons(replies).some((b) => /^confirm/i.test(b.title))) return { understood: false, misfire: q.kind === 'nothing', why: 'answered a question with a change preview', reply };
    if (q.kind === 'nothing') {
      const absent = (q.mention ?? []).filter((m) => !new RegExp(m, 'i').test(reply));
      return { understood: absent.length === 0, misfire: false, why: absent.length ? `missing ${absent.join(', ')}` : '', reply };
    }
    if (NOT_UNDERSTOOD.test(reply)) return { understood: false, misfire: false, why: 'not understood', reply };
    const kinds = answerKinds(reply, q, who);
    const missing = (q.mention ?? []).filter((m) => !new RegExp(m, 'i').test(reply));
    const understood = q.accept.some((k) => kinds.includes(k)) && missing.length === 0;
    return { understood, misfire: false, why: understood ? '' : `wanted ${q.accept.join('/')}, got [${kinds.join(', ')}]${missing.length ? `, missing ${missing.join(', ')}` : ''}`, reply };
  } finally {
    await bot.close();
  }
}
