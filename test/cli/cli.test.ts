import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main as exportMain } from '../../src/cli/export-cli';
import { main as importMain } from '../../src/cli/import-cli';
import { plan } from '../../src/policy';
import { openStore } from '../../src/store';

const SEED = path.resolve(__dirname, '../../data/demo-policy.json');
const FIXTURES = path.resolve(__dirname, '../fixtures/tenant');

let dir: string;
let store: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fa-cli-'));
  store = path.join(dir, 'policy.json');
  // A store as the bot leaves it (created from the demo, at the current schema version).
  const opened = await openStore({ file: store, seedFile: SEED, plan });
  if (!opened.ok) throw new Error(opened.error);
  await opened.store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(cli: typeof importMain, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cli([...argv, '--store', store, '--seed', SEED], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The state and its audit entries, kept in the state file or (store schema v3) in `<file>.audit.jsonl`. */
function storeJson(): { organizations: any[]; audit: any[] } {
  const state = JSON.parse(readFileSync(store, 'utf8')) as { organizations: any[]; audit?: any[] };
  const log = `${store}.audit.jsonl`;
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { entry?: unknown }).entry) : [];
  return { ...state, audit: state.audit ?? lines };
}

describe('npm run import', () => {
  it('prints the preview and changes nothing without --yes', async () => {
    const before = readFileSync(store);
    const r = await run(importMain, [path.join(FIXTURES, 'federation-blocklist.json'), '--org', 'contosoeast.com']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Imported the organization settings of Contoso East from Get-CsTenantFederationConfiguration\./);
    expect(r.out).toMatch(/Blocked domains: \(none\) → fabrikam.com, northwindtraders.com, tailspintoys.com/);
    expect(r.out).toMatch(/Not managed here \(kept in the tenant as they are\): AllowPublicUsers = false; TreatDiscoveredPartnersAsUnverified = false/);
    expect(r.out).toMatch(/Nothing was changed\. Run again with --yes/);
    expect(readFileSync(store)).toEqual(before);
  });

  it('applies with --yes through the store commit, audited as imported', async () => {
    const r = await run(importMain, [path.join(FIXTURES, 'federation-blocklist.json'), '--org', 'contosoeast.com', '--yes', '--as', 'admin@contosoeast.com']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Imported: Imported the organization settings/);
    const json = storeJson();
    const east = json.organizations.find((o) => o.id === 'contoso-east');
    expect(east.settings.blockedDomains).toEqual(['fabrikam.com', 'northwindtraders.com', 'tailspintoys.com']);
    const last = json.audit[json.audit.length - 1];
    expect(last).toMatchObject({ actor: { address: 'admin@contosoeast.com' }, change: { kind: 'import' }, request: expect.stringMatching(/^imported from .*federation-blocklist.json/) });
  });

  it.each([
    ['a file of another cmdlet', 'meeting-policy.json', 'contosoeast.com', /looks like the output of Get-CsTeamsMeetingPolicy/],
    ['another tenant\'s configuration', 'federation-other-tenant.json', 'contosoeast.com', /does not look like Contoso East's tenant/],
    ['an unknown organization', 'federation-open.json', 'nowhere.example', /no organization "nowhere.example"/],
  ])('refuses %s and changes nothing', async (_name, file, org, reason) => {
    const before = readFileSync(store);
    const r = await run(importMain, [path.join(FIXTURES, file), '--org', org, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(reason);
    expect(readFileSync(store)).toEqual(before);
  });

  it('explains its usage', async () => {
    const r = await run(importMain, []);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^usage: npm run import -- <file> --org <domain>/);
  });
});

describe('npm run export', () => {
  it.each([
    ['powershell', /^Set-CsTenantFederationConfiguration -AllowedDomains \(New-CsEdgeAllowAllKnownDomains\) -BlockedDomains \$null$/m],
    ['dsc', /TeamsFederationConfiguration "FederationConfiguration"/],
    ['json', /"FederationAssistantExport": 1/],
  ])('--format %s', async (format, expected) => {
    const r = await run(exportMain, ['--org', 'contosoeast.com', '--format', format]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(expected);
  });

  it('writes --out, and an export imported back changes nothing', async () => {
    const file = path.join(dir, 'east.json');
    expect((await run(exportMain, ['--org', 'contoso-east', '--format', 'json', '--out', file])).code).toBe(0);
    const r = await run(importMain, [file, '--org', 'contosoeast.com']);
    expect(r.out).toMatch(/Nothing to change\./);
  });

  it('refuses an organization the store does not manage', async () => {
    const r = await run(exportMain, ['--org', 'fabrikam.com']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Fabrikam is not managed here/);
  });
});
