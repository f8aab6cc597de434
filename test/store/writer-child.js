// A separate store process for the crash and lock tests, in plain JS. It runs from the folder
// `buildChild` transpiles it into (with the store sources it requires), with NODE_PATH pointing at
// the project's node_modules; see childProcess.ts.
//   node writer-child.js write <file> <seed> <prefix>   commit `addBlocked <prefix>-<n>.example` forever, print "ack <id> <domain>"
//   node writer-child.js hold <file> <seed>             open the store, print "ready", wait to be killed
'use strict';
const { openStore } = require('../../src/store');
const { testPlanner } = require('./testPlanner');

async function main() {
  const [mode, file, seedFile, prefix] = process.argv.slice(2);
  const opened = await openStore({ file, seedFile, plan: testPlanner });
  if (!opened.ok) {
    process.stdout.write(`error ${opened.error}\n`);
    process.exit(2);
  }
  process.stdout.write('ready\n');
  if (mode === 'hold') return setInterval(() => undefined, 60_000);
  const actor = { address: 'writer@contosoeast.com', adminOf: ['contoso-east'] };
  for (let n = 0; ; n++) {
    const domain = `${prefix}-${n}.example`;
    const change = { kind: 'addBlocked', org: 'contoso-east', domains: [domain] };
    const result = await opened.store.commit({ change, actor, request: `block ${domain}`, now: new Date() });
    if (!result.ok) throw new Error(result.reason);
    process.stdout.write(`ack ${result.entry.id} ${domain}\n`);
  }
}

main().catch((err) => {
  process.stdout.write(`error ${err && err.stack}\n`);
  process.exit(3);
});
