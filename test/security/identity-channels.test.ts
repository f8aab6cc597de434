import { quietLogger } from '../support/logs';
import { readFileSync } from 'node:fs';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { identify, type IdentityOptions } from '../../src/bot/identity';
import type { PolicyModel } from '../../src/policy/model';
import { adminOrgIds } from '../../src/policy/organizations';
import { ADMINS, DEMO_SEED } from '../support/harness';
import { CONTOSO_EAST_TENANT, CONTOSO_WEST_TENANT, OTHER_TENANT } from './fakeTeams';

const demo: PolicyModel = { organizations: JSON.parse(readFileSync(DEMO_SEED, 'utf8')).organizations };
const botAdmins = ADMINS.split(',');

function contextFor(channelId: string, fromId: string): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId,
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: fromId, name: 'someone', aadObjectId: 'a0000000-0000-4000-8000-00000000000a' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' },
    text: 'turn off external access',
  };
  return new TurnContext(new TestAdapter(), activity);
}

const production: IdentityOptions = { localMode: false, trustedChannels: [] };
const local: IdentityOptions = { localMode: true, trustedChannels: [] };

describe('from.id is believed only where the channel vouches for it', () => {
  it.each([
    ['production, Web Chat', 'webchat', production, 'anonymous'],
    ['production, Direct Line', 'directline', production, 'anonymous'],
    ['production, the Emulator channel', 'emulator', production, 'anonymous'],
    ['production, an unknown channel', 'evil', production, 'anonymous'],
    ['production, Web Chat listed in TRUSTED_CHANNELS', 'webchat', { localMode: false, trustedChannels: ['webchat'] }, 'admin'],
    ['production, Direct Line when only Web Chat is trusted', 'directline', { localMode: false, trustedChannels: ['webchat'] }, 'anonymous'],
    ['local mode, the Emulator', 'emulator', local, 'admin'],
    ['local mode, the Playground', 'test', local, 'admin'],
  ])('%s: admin@contosoeast.com as from.id → %s', async (_name, channelId, options, role) => {
    const sender = await identify(contextFor(channelId, 'admin@contosoeast.com'), demo, botAdmins, options, quietLogger);
    expect(sender.role).toBe(role);
    if (role === 'anonymous') {
      expect(sender.address).toBe('');
      expect(sender.adminOf).toEqual([]);
    }
  });

  it('in production, Teams without a tenant id proves nobody', async () => {
    const sender = await identify(contextFor('msteams', '29:x'), demo, botAdmins, production, quietLogger);
    expect(sender.role).toBe('anonymous');
  });
});

describe('admin rights (policy, pure)', () => {
  const OBJECT_ID = 'b0000000-0000-4000-8000-0000000000b1';
  const withObjectIdRoster: PolicyModel = {
    organizations: demo.organizations.map((o) => (o.id === 'contoso-west' ? { ...o, admins: [...o.admins, OBJECT_ID.toUpperCase()] } : o)),
  };

  it.each([
    ['address, no tenant proved (local mode)', { address: 'admin@contosoeast.com' }, ['contoso-east']],
    ['address within its tenant', { address: 'admin@contosoeast.com', tenantId: CONTOSO_EAST_TENANT }, ['contoso-east']],
    ['address claimed from another tenant', { address: 'admin@contosoeast.com', tenantId: OTHER_TENANT }, []],
    ['address claimed from the other managed tenant', { address: 'admin@contosoeast.com', tenantId: CONTOSO_WEST_TENANT }, []],
    ['roster object id within its tenant', { address: 'kim@contosowest.com', objectId: OBJECT_ID, tenantId: CONTOSO_WEST_TENANT }, ['contoso-west']],
    ['roster object id from another tenant', { address: 'kim@contosowest.com', objectId: OBJECT_ID, tenantId: OTHER_TENANT }, []],
    ['an ordinary user', { address: 'rob@contosoeast.com', tenantId: CONTOSO_EAST_TENANT }, []],
  ])('%s', (_name, who, expected) => {
    expect(adminOrgIds(withObjectIdRoster, who, botAdmins)).toEqual(expected);
  });

  it.each([
    ['BOT_ADMINS object id in its tenant', { address: 'kim@contosoeast.com', objectId: OBJECT_ID, tenantId: CONTOSO_EAST_TENANT }, ['contoso-east']],
    ['BOT_ADMINS object id in a tenant no organization carries', { address: 'kim@fabrikam.com', objectId: OBJECT_ID, tenantId: OTHER_TENANT }, []],
    ['BOT_ADMINS address from another tenant', { address: 'admin@contosowest.com', tenantId: OTHER_TENANT }, []],
  ])('%s', (_name, who, expected) => {
    expect(adminOrgIds(demo, who, [...botAdmins, OBJECT_ID])).toEqual(expected);
  });
});

describe('the demo tenants', () => {
  it('the Playground people sign in to the tenants the demo store carries', async () => {
    const { PEOPLE, playgroundConfigYaml } = await import('../support/playground-people');
    for (const org of demo.organizations.filter((o) => o.managed)) {
      const person = PEOPLE.find((p) => p.address === org.admins[0]);
      expect(person && org.tenantIds).toContain(person?.tenantId);
      expect(person && playgroundConfigYaml(person)).toContain(`tenantId: "${person?.tenantId}"`);
    }
  });
});

describe('tenant ids in the store', () => {
  it.each([
    ['no tenantIds (a store written before them, or an organization known by name only)', undefined, true],
    ['one tenant id', ['3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01'], true],
    ['a tenant id that is not a GUID', ['contoso-east'], false],
    ['a tenant id that is not a string', [42], false],
  ])('%s', async (_name, tenantIds, ok) => {
    const { storeFileSchema, CURRENT_SCHEMA_VERSION } = await import('../../src/store/fileSchema');
    const { migrate } = await import('../../src/store/migrations');
    // The demo ships at an older schema version (its audit inside): bring it to the current one first.
    const migrated = migrate(JSON.parse(readFileSync(DEMO_SEED, 'utf8')), CURRENT_SCHEMA_VERSION);
    if (!migrated.ok) throw new Error(migrated.problem);
    const { audit: _audit, ...file } = migrated.file as Record<string, any>;
    const east = file.organizations.find((o: { id: string }) => o.id === 'contoso-east');
    if (tenantIds === undefined) delete east.tenantIds;
    else east.tenantIds = tenantIds;
    expect(storeFileSchema.safeParse(file).success).toBe(ok);
  });
});
