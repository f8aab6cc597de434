import { parseConfig } from '../src/config';

describe('config', () => {
  it('has sensible defaults', () => {
    const r = parseConfig({});
    expect(r).toEqual({
      ok: true,
      config: {
        port: 3978,
        policyDb: 'data/policy.json',
        botAdmins: [],
        auth: { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' },
      },
    });
  });

  it('reads every variable', () => {
    const r = parseConfig({
      PORT: '4000',
      POLICY_DB: '/tmp/x.json',
      BOT_ADMINS: ' Admin@ContosoEast.com , admin@contosowest.com ',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(r.ok && r.config).toEqual({
      port: 4000,
      policyDb: '/tmp/x.json',
      botAdmins: ['admin@contosoeast.com', 'admin@contosowest.com'],
      auth: { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tenant' },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /^config: PORT: /],
    [{ PORT: '70000' }, /^config: PORT: /],
    [{ BOT_ADMINS: 'admin@contosoeast.com,bob' }, /^config: BOT_ADMINS: "bob" is not an email address$/],
    [{ MicrosoftAppType: 'Whatever' }, /^config: MicrosoftAppType: /],
    [{ MicrosoftAppId: 'id' }, /^config: MicrosoftAppPassword: required/],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }, /^config: MicrosoftAppTenantId: required/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const r = parseConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).not.toContain('\n');
    }
  });
});
