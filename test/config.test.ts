import { parseConfig } from '../src/config';

describe('config', () => {
  it('has sensible defaults', () => {
    const r = parseConfig({});
    expect(r).toEqual({
      ok: true,
      config: {
        port: 3978,
        host: '127.0.0.1',
        localMode: true,
        policyDb: 'data/policy.json',
        botAdmins: [],
        trustedChannels: [],
        logLevel: 'info',
        metrics: true,
        auth: { MicrosoftAppType: 'MultiTenant', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' },
      },
    });
  });

  it('reads every variable', () => {
    const r = parseConfig({
      PORT: '4000',
      POLICY_DB: '/tmp/x.json',
      DATABASE_URL: 'postgres://bot:pw@db.internal:5432/federation',
      HOST: '10.0.0.5',
      BOT_ADMINS: ' Admin@ContosoEast.com , admin@contosowest.com, 5F0B1C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D ',
      TRUSTED_CHANNELS: 'webchat, DirectLine',
      LOG_LEVEL: 'warn',
      METRICS: 'off',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(r.ok && r.config).toEqual({
      port: 4000,
      host: '10.0.0.5',
      localMode: false,
      policyDb: '/tmp/x.json',
      databaseUrl: 'postgres://bot:pw@db.internal:5432/federation',
      botAdmins: ['admin@contosoeast.com', 'admin@contosowest.com', '5f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'],
      trustedChannels: ['webchat', 'directline'],
      logLevel: 'warn',
      metrics: false,
      auth: { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tenant' },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /^config: PORT: /],
    [{ PORT: '70000' }, /^config: PORT: /],
    [{ BOT_ADMINS: 'admin@contosoeast.com,bob' }, /^config: BOT_ADMINS: "bob" is neither an email address nor an Entra object id \(GUID\)$/],
    [{ BOT_ADMINS: '5f0b1c2d-3e4f-4a5b-8c6d' }, /^config: BOT_ADMINS: /],
    [{ HOST: 'http://0.0.0.0/' }, /^config: HOST: /],
    [{ DATABASE_URL: 'mysql://db/x' }, /^config: DATABASE_URL: must be a PostgreSQL URL/],
    [{ DATABASE_URL: 'postgres://' }, /^config: DATABASE_URL: must be a PostgreSQL URL/],
    [{ TRUSTED_CHANNELS: 'webchat,no channel' }, /^config: TRUSTED_CHANNELS: /],
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

  it.each([
    ['authentication off: this machine only', {}, '127.0.0.1'],
    ['authentication off, HOST set: deliberately exposed', { HOST: '0.0.0.0' }, '0.0.0.0'],
    ['authentication on: every interface', { MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }, undefined],
    ['authentication on, HOST set', { MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', HOST: '10.1.2.3' }, '10.1.2.3'],
  ])('binds by default: %s', (_name, env, host) => {
    const r = parseConfig(env);
    expect(r.ok && r.config.host).toBe(host);
    expect(r.ok && r.config.localMode).toBe(!('MicrosoftAppId' in env));
  });
});
