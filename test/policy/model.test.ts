import demo from '../../data/demo-policy.json';
import { policyModelSchema } from '../../src/policy/model';

describe('demo store', () => {
  it('validates against the model schema', () => {
    const { schemaVersion, audit, ...model } = demo;
    expect(schemaVersion).toBe(2);
    expect(audit).toEqual([]);
    const parsed = policyModelSchema.safeParse(model);
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['contoso-east', true, ['rob@contosoeast.com', 'admin@contosoeast.com']],
    ['contoso-west', true, ['ann@contosowest.com', 'admin@contosowest.com']],
    ['fabrikam', false, []],
  ])('%s: managed=%s with the users of the issue', (id, managed, users) => {
    const org = demo.organizations.find((o) => o.id === id);
    expect(org?.managed).toBe(managed);
    expect(org?.users.map((u) => u.address)).toEqual(users);
    if (managed) expect(org?.settings).toMatchObject({ allowFederatedUsers: true, domainMode: 'allowAll' });
  });
});
