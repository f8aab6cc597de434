// A PostgreSQL store in another process, for the kill test (plain JS, transpiled with its sources by
// buildChild; NODE_PATH points at the project's node_modules):
//   node pg-writer-child.js <url> <seed> <prefix>   keep 8 commits in flight (`addBlocked <prefix>-<n>.example`
//                                                   on contoso-east and contoso-west), print "ack <domain>" for each acknowledged one
'use strict';
const { openPostgresStore } = require('../../../src/store/pg');
const { testPlanner } = require('../testPlanner');

async function main() {
  const [url, seedFile, prefix] = process.argv.slice(2);
  const opened = await openPostgresStore({ url, seedFile, plan: testPlanner });
  if (!opened.ok) {
    process.stdout.write(`error ${opened.error}\n`);
    process.exit(2);
  }
  process.stdout.write('ready\n');
  const actor = { address: 'writer@contosoeast.com', adminOf: ['contoso-east', 'contoso-west'] };
  let n = 0;
  const lane = async () => {
    for (;;) {
      const i = n++;
      const domain = `${prefix}-${i}.example`;
      const org = i % 2 === 0 ? 'contoso-east' : 'contoso-west';
      const result = await opened.store.commit({ change: { kind: 'addBlocked', org, domains: [domain] }, actor, request: `block ${domain}`, now: new Date() });
      if (!result.ok) throw new Error(result.reason);
      process.stdout.write(`ack ${domain}\n`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
}

main().catch((err) => {
  process.stdout.write(`error ${err && err.stack}\n`);
  process.exit(3);
});
