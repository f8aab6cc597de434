import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Actor } from '../../src/policy/types';
import { openStore } from '../../src/store';
import type { OpenStoreOptions, PolicyStore } from '../../src/store';
import { testPlanner } from './testPlanner';

export const SEED = resolve(__dirname, '../../data/demo-policy.json');

export const admin: Actor = {
  address: 'admin@contosoeast.com',
  displayName: 'Contoso East admin',
  objectId: '00000000-0000-0000-0000-0000000000ea',
  adminOf: ['contoso-east'],
};

export const NOW = new Date('2026-11-24T14:00:00.000Z');

/** A fresh temp directory per test; removed by `cleanup`. */
export function tempDir(): { dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
  return { dir, file: join(dir, 'policy.json'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a store or fails the test with the store's own message. */
export async function open(file: string, options: Partial<OpenStoreOptions> = {}): Promise<PolicyStore> {
  const opened = await openStore({ file, seedFile: SEED, plan: testPlanner, ...options });
  if (!opened.ok) throw new Error(opened.error);
  return opened.store;
}

export function block(domain: string, org = 'contoso-east') {
  return { change: { kind: 'addBlocked' as const, org, domains: [domain] }, actor: admin, request: `block ${domain}`, now: NOW };
}


/** The audit entry of `block('evil.example')` by `admin` at `NOW`, with id 'c1', as the test planner plans it. */
export const BLOCK_EVIL_ENTRY = {
  id: 'c1',
  time: NOW.toISOString(),
  actor: { address: admin.address, displayName: admin.displayName, objectId: admin.objectId },
  orgId: 'contoso-east',
  request: 'block evil.example',
  change: { kind: 'addBlocked', org: 'contoso-east', domains: ['evil.example'] },
  summary: 'Block evil.example',
  touched: ['settings.blockedDomains'],
  before: { 'settings.blockedDomains': [] },
  after: { 'settings.blockedDomains': ['evil.example'] },
};

export { readAuditLines, readStore } from './readStore';
