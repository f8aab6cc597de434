import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A sample file from test/fixtures/tenant, as an admin would send it. */
export const sample = (name: string): string => readFileSync(path.join(__dirname, '../fixtures/tenant', name), 'utf8');
