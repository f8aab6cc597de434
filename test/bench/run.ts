/**
 * `npm run bench`: every benchmark, each reported as a ratio to a baseline measured in the same run
 * (machines here are noisy, so absolute times mean little). Never part of `npm test`.
 */
import '../../src/warnings';
import { benchServer } from './server.bench';
import { benchPolicy } from './policy.bench';
import { benchLanguage } from './language.bench';
import { benchStore } from './store.bench';
import { benchConcurrentAdmins } from './storeConcurrency.bench';
import { benchPostgresStore } from './storePostgres.bench';
import { benchRequests } from './requests.bench';
import { benchLock } from './lock.bench';

const suites: Array<[string, () => Promise<string[]>]> = [
  ['language: parse time per message', benchLanguage],
  ['policy: verdict, Teams sender and name lookup time as lists and organizations grow', benchPolicy],
  ['store: commit latency against writeFile + rename', benchStore],
  ['store concurrency: 50 admins at once against one commit alone', benchConcurrentAdmins],
  ['lock: our store lock against proper-lockfile', benchLock],
  ['store on PostgreSQL: commit latency and throughput beside lowdb, against the file floor', benchPostgresStore],
  ['server: requests per second against the framework floor', benchServer],
  ['requests: each answer at 10,000 organizations against the demo store', benchRequests],
];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const [name, run] of suites) {
    if (only && !name.startsWith(only)) continue;
    console.log(`\n== ${name}`);
    for (const line of await run()) console.log(line);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
