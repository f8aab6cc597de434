import { resetStore } from './resetStore';

/**
 * `npm run store:reset [-- <file> [<seed>]]`: backs up the store file and recreates the demo.
 * Paths come from argv only (the composition root alone reads the environment); run from the
 * project root, the defaults are `data/policy.json` and `data/demo-policy.json`.
 */
async function main(argv: readonly string[]): Promise<number> {
  const file = argv[2] ?? 'data/policy.json';
  const seedFile = argv[3] ?? 'data/demo-policy.json';
  const result = await resetStore({ file, seedFile, now: new Date() });
  if (!result.ok) {
    console.error(result.error);
    return 1;
  }
  console.log(result.backup === undefined ? `store: created ${result.file} from the demo` : `store: backed up to ${result.backup}; ${result.file} is the demo again`);
  return 0;
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
