import { copyFileToPostgres } from '../store';
import { parseArgs } from './args';

const USAGE = 'usage: npm run store:migrate -- --to <postgres://user:password@host:5432/database> [--from data/policy.json]';

/**
 * `npm run store:migrate -- --to $DATABASE_URL [--from data/policy.json]`: copies a lowdb store file
 * (state and audit log) into an empty PostgreSQL database, then prints what it copied. A composition
 * root like the other CLIs: the file and the URL come from argv only; the store does the work.
 */
export async function main(argv: readonly string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const args = parseArgs(argv);
  const to = args.options.to;
  if (to === undefined || !/^postgres(ql)?:\/\/\S+$/.test(to) || args.flags.has('help')) {
    err(USAGE);
    return 2;
  }
  const from = args.options.from ?? 'data/policy.json';
  const copied = await copyFileToPostgres({ from, url: to });
  if (!copied.ok) {
    err(copied.error);
    return 1;
  }
  out(`Copied ${from} into postgres ${copied.target}: ${copied.organizations} organizations, ${copied.auditEntries} audit entries, at revision ${copied.revision}.`);
  out('The file was left as it is. Start the bot with DATABASE_URL set to use the database.');
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
