import { unzipSync, zipSync, type Zippable } from 'fflate';

/** A Teams app package is a flat zip; fflate writes and reads it. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

// A fixed date keeps the package byte-for-byte reproducible.
const FIXED_DATE = new Date('1980-01-01T00:00:00');

export function writeZip(entries: ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [new Uint8Array(e.data), { level: 9, mtime: FIXED_DATE }];
  return Buffer.from(zipSync(files));
}

/** Reads every entry of a zip. */
export function readZip(zip: Buffer): ZipEntry[] {
  return Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}
