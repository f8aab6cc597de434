import { EXAMPLES, parse, phrase } from '../../src/language';
import { commandSchema, type Command } from '../../src/language/command';
import type { Change } from '../../src/policy/change';
import { pick, prng, testSeed } from '../support/prng';

const COMMAND_KINDS: Command['kind'][] = ['change', 'reach', 'domainStatus', 'whoCanWeTalkTo', 'matrix', 'showSettings', 'comparison', 'feature', 'help', 'confirm', 'cancel', 'undo', 'history'];
const CHANGE_KINDS: Change['kind'][] = ['setFederation', 'setDomainMode', 'allowOnly', 'addAllowed', 'removeAllowed', 'addBlocked', 'removeBlocked', 'setSubdomainBlocking', 'setTeamsConsumer', 'setTrialTenants', 'addTrialException', 'removeTrialException', 'createPolicy', 'updatePolicy', 'assignPolicy', 'setUserFederation', 'setUserCoexistence'];

describe('canonical examples', () => {
  it.each(EXAMPLES.map((e) => [e.text, e] as const))('%j parses back to exactly its command', (_text, e) => {
    expect(commandSchema.safeParse(e.command).success).toBe(true);
    expect(parse(e.text)).toEqual({ ok: true, command: e.command, notes: [] });
  });

  it.each(EXAMPLES.filter((e) => phrase(e.command) !== undefined).map((e) => [e.text, e] as const))('%j is what phrase() says for its command', (_text, e) => {
    expect(phrase(e.command)).toBe(e.text);
  });

  it('cover every command kind', () => {
    expect(new Set(EXAMPLES.map((e) => e.command.kind))).toEqual(new Set(COMMAND_KINDS));
  });

  it('cover every change kind a person types (not restore)', () => {
    const kinds = new Set(EXAMPLES.flatMap((e) => (e.command.kind === 'change' ? [e.command.change.kind] : [])));
    expect(kinds).toEqual(new Set(CHANGE_KINDS));
  });

  it('are unique, titled, and changes are for admins', () => {
    expect(new Set(EXAMPLES.map((e) => e.text)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) {
      expect(e.title.length).toBeGreaterThan(0);
      if (e.command.kind === 'change' || e.command.kind === 'undo') expect(e.role).toBe('admin');
    }
  });
});

/** Phrasings the policy engine writes into its fixes (src/policy/commands.ts): they must parse. */
describe('fix commands written by the policy engine', () => {
  const c = (change: Change): Command => ({ kind: 'change', change });
  it.each<[string, Command]>([
    ['unblock contoso.com', c({ kind: 'removeBlocked', org: '', domains: ['contoso.com'] })],
    ['unblock contoso.com for Contoso West', c({ kind: 'removeBlocked', org: 'Contoso West', domains: ['contoso.com'] })],
    ['allow fabrikam.com', c({ kind: 'addAllowed', org: '', domains: ['fabrikam.com'] })],
    ['allow fabrikam.com for contosowest.com', c({ kind: 'addAllowed', org: 'contosowest.com', domains: ['fabrikam.com'] })],
    ['turn on external access', c({ kind: 'setFederation', org: '', enabled: true })],
    ['turn on external access for Contoso East', c({ kind: 'setFederation', org: 'Contoso East', enabled: true })],
    ['turn on external access for rob@contosoeast.com', c({ kind: 'setUserFederation', org: '', user: 'rob@contosoeast.com', enabled: true })],
    ['allow all external domains', c({ kind: 'setDomainMode', org: '', mode: 'allowAll' })],
    ['allow all external domains for Contoso West', c({ kind: 'setDomainMode', org: 'Contoso West', mode: 'allowAll' })],
    ['turn on subdomain blocking', c({ kind: 'setSubdomainBlocking', org: '', enabled: true })],
    ['turn off subdomain blocking for Contoso West', c({ kind: 'setSubdomainBlocking', org: 'Contoso West', enabled: false })],
    ['allow trial tenants', c({ kind: 'setTrialTenants', org: '', allowed: true })],
    ['allow trial tenant x.com', c({ kind: 'addTrialException', org: '', domains: ['x.com'] })],
    ['remove trial tenant x.com for Contoso West', c({ kind: 'removeTrialException', org: 'Contoso West', domains: ['x.com'] })],
    ['allow unmanaged Teams accounts for Contoso West', c({ kind: 'setTeamsConsumer', org: 'Contoso West', outbound: true })],
    ['allow inbound from unmanaged Teams accounts for Contoso West', c({ kind: 'setTeamsConsumer', org: 'Contoso West', inbound: true })],
    ['allow only a.com, b.com and c.com for Contoso West', c({ kind: 'allowOnly', org: 'Contoso West', domains: ['a.com', 'b.com', 'c.com'] })],
    ['remove a.com from the allowed domains for Contoso West', c({ kind: 'removeAllowed', org: 'Contoso West', domains: ['a.com'] })],
    ['create policy NoFed for Contoso West', c({ kind: 'createPolicy', org: 'Contoso West', name: 'NoFed' })],
    ['assign policy Global to rob@contosoeast.com', c({ kind: 'assignPolicy', org: '', user: 'rob@contosoeast.com', policy: 'Global' })],
    ['move rob@contosoeast.com online', c({ kind: 'setUserCoexistence', org: '', user: 'rob@contosoeast.com', onPremises: false })],
    ['set rob@contosoeast.com to TeamsOnly', c({ kind: 'setUserCoexistence', org: '', user: 'rob@contosoeast.com', coexistence: 'TeamsOnly' })],
  ])('%j', (text, command) => {
    expect(parse(text)).toMatchObject({ ok: true, command });
  });
});

/** phrase() → parse() is the identity on generated commands: suggestions built with phrase() are safe buttons. */
describe('phrase round trip (seeded)', () => {
  const seed = testSeed(20261124);
  const domains = ['fabrikam.com', 'a.com', 'sub.contoso.co.uk', 'xn--bcher-kva.de', 'tailspintoys.com', 'x-y.org'];
  const orgs = ['', 'contosowest.com', 'Contoso West', 'Fabrikam'];
  const users = ['rob@contosoeast.com', 'ann.lee@contosowest.com'];
  const gen = (rand: () => number): Command => {
    const org = pick(rand, orgs);
    const list = domains.filter(() => rand() < 0.4);
    const ds = list.length > 0 ? list : [pick(rand, domains)];
    const b = rand() < 0.5;
    const change: Change = pick<() => Change>(rand, [
      () => ({ kind: 'setFederation', org, enabled: b }),
      () => ({ kind: 'setDomainMode', org, mode: pick(rand, ['allowAll', 'allowSpecific', 'blockSpecific', 'blockAll'] as const) }),
      () => ({ kind: pick(rand, ['allowOnly', 'addAllowed', 'removeAllowed', 'addBlocked', 'removeBlocked', 'addTrialException', 'removeTrialException'] as const), org, domains: ds }),
      () => ({ kind: 'setSubdomainBlocking', org, enabled: b }),
      () => (rand() < 0.5 ? { kind: 'setTeamsConsumer', org, outbound: b } : { kind: 'setTeamsConsumer', org, inbound: b }),
      () => ({ kind: 'setTrialTenants', org, allowed: b }),
      () => ({ kind: 'setUserFederation', org, user: pick(rand, users), enabled: b }),
      () => ({ kind: 'assignPolicy', org, user: pick(rand, users), policy: pick(rand, ['NoFed', 'Global', 'PartnersOnly']) }),
      () => ({ kind: 'createPolicy', org, name: 'NoFed', settings: { enableFederationAccess: b } }),
      () => ({ kind: 'updatePolicy', org, name: 'PartnersOnly', settings: { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ds } }),
    ])();
    return { kind: 'change', change };
  };
  it(`holds for 500 generated changes (seed ${seed})`, () => {
    const rand = prng(seed);
    for (let i = 0; i < 500; i++) {
      const command = gen(rand);
      const text = phrase(command);
      if (text === undefined) throw new Error(`seed ${seed}: no phrase for ${JSON.stringify(command)}`);
      const back = parse(text);
      if (!back.ok || JSON.stringify(back.command) !== JSON.stringify(command)) {
        throw new Error(`seed ${seed}: ${JSON.stringify(text)} parsed to ${JSON.stringify(back)}, expected ${JSON.stringify(command)}`);
      }
    }
  });
});
