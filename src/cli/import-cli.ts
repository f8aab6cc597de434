import { readFile, stat } from 'node:fs/promises';
import { plan } from '../policy';
import { shownPrint, stillAsShown } from '../policy/fingerprint';
import { findOrganization } from '../policy/organizations';
import { openStore } from '../store';
import { importNotes, planText, prepareImport, readTenantText } from '../tenant';
import { parseArgs } from './args';

/** Larger than any real export (4,000 domains per list): a bigger file is not what we read. */
const MAX_BYTES = 2 * 1024 * 1024;

const USAGE = 'usage: npm run import -- <file> --org <domain> [--yes] [--as <admin address>] [--store data/policy.json] [--seed data/demo-policy.json]';

/**
 * `npm run import -- <file> --org <domain>`: reads Teams PowerShell output (or this bot's export, or a
 * user → policy list), plans it as an import of that organization and prints the preview. Only with
 * `--yes` is it committed, through the store's one commit path, audited as imported. A composition
 * root like store/reset-cli: paths and the actor come from argv only.
 */
export async function main(argv: readonly string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const args = parseArgs(argv);
  const file = args.positional[0];
  const orgRef = args.options.org;
  if (file === undefined || orgRef === undefined || orgRef === '') {
    err(USAGE);
    return 2;
  }
  const size = await stat(file).then((s) => s.size, () => -1);
  if (size < 0) return fail(err, `import: cannot read ${file}`);
  if (size > MAX_BYTES) return fail(err, `import: ${file} is ${size} bytes; an export is at most ${MAX_BYTES}. Nothing was changed.`);
  const text = await readFile(file, 'utf8');
  const read = readTenantText(text);
  if (!read.ok) return fail(err, `import: ${read.reason}`);

  const opened = await openStore({ file: args.options.store ?? 'data/policy.json', seedFile: args.options.seed ?? 'data/demo-policy.json', plan });
  if (!opened.ok) return fail(err, opened.error);
  const store = opened.store;
  try {
    const org = findOrganization(store.read(), orgRef);
    if (!org) return fail(err, `import: no organization "${orgRef}" is known in this store. Nothing was changed.`);
    const prepared = prepareImport(org, read.reading);
    if (!prepared.ok) return fail(err, `import: ${prepared.reason}`);
    // The operator runs this with the store file in hand: they act as an admin of the organization named.
    const actor = { address: args.options.as ?? `import-cli@${org.domains[0] ?? org.id}`, adminOf: [org.id] };
    const now = new Date();
    const model = store.read();
    const planned = plan(model, prepared.change, actor, now);
    if (!planned.ok) return fail(err, `import: ${planned.reason} Nothing was changed.`);
    for (const line of [...planText(planned.plan), ...importNotes(prepared)]) out(line);
    if (planned.plan.diff.length === 0) {
      out('Nothing to change.');
      return 0;
    }
    if (!args.flags.has('yes')) {
      out('Nothing was changed. Run again with --yes to apply this import.');
      return 0;
    }
    // Confirmed as the bot confirms: only if the plan still shows what the preview printed (another
    // process may share the store).
    const shown = shownPrint(planned.plan);
    const result = await store.commit({
      change: prepared.change,
      actor,
      request: `imported from ${file} (npm run import)`,
      now,
      planned: { model, result: planned },
      stillAsShown: (before, replanned) => stillAsShown(shown, before, replanned, { model, plan: planned.plan }),
    });
    if (!result.ok) return fail(err, `import: ${result.reason} Nothing was changed.`);
    out(`Imported: ${result.entry.summary} (audit entry ${result.entry.id}).`);
    return 0;
  } finally {
    await store.close();
  }
}

function fail(err: (line: string) => void, message: string): number {
  err(message);
  return 1;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
