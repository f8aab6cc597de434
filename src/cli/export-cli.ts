import { writeFile } from 'node:fs/promises';
import { plan } from '../policy';
import { findOrganization } from '../policy/organizations';
import { openStore } from '../store';
import { dscConfiguration, exportJson, powershellScript } from '../tenant';
import { parseArgs } from './args';

const FORMATS = { powershell: powershellScript, dsc: dscConfiguration, json: exportJson } as const;
type Format = keyof typeof FORMATS;

const USAGE = 'usage: npm run export -- --org <domain> [--format powershell|dsc|json] [--out <file>] [--store data/policy.json] [--seed data/demo-policy.json]';

/** `npm run export -- --org <domain> [--format …]`: the organization's settings on stdout. Changes nothing. */
export async function main(argv: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t), err: (line: string) => void = console.error): Promise<number> {
  const args = parseArgs(argv);
  const orgRef = args.options.org;
  const format = (args.options.format ?? 'powershell').toLowerCase();
  if (orgRef === undefined || orgRef === '' || !(format in FORMATS)) {
    err(USAGE);
    return 2;
  }
  const opened = await openStore({ file: args.options.store ?? 'data/policy.json', seedFile: args.options.seed ?? 'data/demo-policy.json', plan });
  if (!opened.ok) {
    err(opened.error);
    return 1;
  }
  try {
    const org = findOrganization(opened.store.read(), orgRef);
    if (!org) {
      err(`export: no organization "${orgRef}" is known in this store.`);
      return 1;
    }
    if (!org.managed) {
      err(`export: ${org.name} is not managed here: the store holds none of its settings.`);
      return 1;
    }
    const text = FORMATS[format as Format](org, new Date());
    // --out keeps npm's own banner lines out of the file, which redirecting stdout would not.
    if (args.options.out) {
      await writeFile(args.options.out, text);
      err(`export: wrote ${format} for ${org.name} to ${args.options.out}`);
    } else out(text);
    return 0;
  } finally {
    await opened.store.close();
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
