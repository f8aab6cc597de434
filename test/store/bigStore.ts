import demoFile from '../../data/demo-policy.json';
import type { Organization } from '../../src/policy/model';
import { CURRENT_SCHEMA_VERSION } from '../../src/store/fileSchema';
import type { StoreFile } from '../../src/store/fileSchema';

/**
 * The demo store grown for load, as a current state file: `extraOrgs` more managed organizations,
 * and `domainsPerList` domains in each domain list of the first organization (allowed, blocked,
 * trial exceptions, and the Global policy's two lists).
 */
export function bigStore(extraOrgs: number, domainsPerList: number): StoreFile {
  const demo = structuredClone(demoFile) as unknown as { organizations: Organization[] };
  const [first, ...rest] = demo.organizations;
  const list = (tag: string) => Array.from({ length: domainsPerList }, (_, i) => `${tag}${i}.example.com`);
  const grown: Organization = {
    ...first!,
    settings: { ...first!.settings!, allowedDomains: list('allow'), blockedDomains: list('block'), allowedTrialTenantDomains: list('trial') },
    policies: first!.policies.map((p) => ({ ...p, allowedExternalDomains: list('pallow'), blockedExternalDomains: list('pblock') })),
  };
  const extra = Array.from({ length: extraOrgs }, (_, i): Organization => ({
    ...first!,
    id: `org-${i}`,
    name: `Organization ${i}`,
    domains: [`org${i}.example.com`],
    users: first!.users.map((u) => ({ ...u, address: u.address.replace('contosoeast.com', `org${i}.example.com`) })),
  }));
  return { schemaVersion: CURRENT_SCHEMA_VERSION, revision: 0, organizations: [grown, ...rest, ...extra] };
}
