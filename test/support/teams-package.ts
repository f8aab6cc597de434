import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES } from '../../src/language/examples';
import { buildTeamsPackage } from './teams-manifest';

/**
 * `npm run package:teams`: writes dist/teams/federation-assistant.zip (manifest.json and the
 * two icons) for sideloading into Teams. A composition-root-like CLI: it alone reads the
 * environment (MicrosoftAppId, from the environment or .env) and passes plain values on.
 */
const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'dist/teams/federation-assistant.zip');

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv').config({ quiet: true, path: path.join(ROOT, '.env') });
  const appId = (process.env.MicrosoftAppId ?? '').trim();
  if (appId === '') {
    console.error('teams-package: set MicrosoftAppId (in .env or the environment) to the app id of your Azure Bot registration');
    process.exit(1);
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const built = await buildTeamsPackage({ appId, version: pkg.version, examples: EXAMPLES });
  if (!built.ok) {
    console.error(built.error);
    process.exit(1);
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, built.zip);
  const bots = built.manifest.bots as Array<{ commandLists: Array<{ commands: unknown[] }> }>;
  const commands = bots[0]?.commandLists[0]?.commands.length ?? 0;
  console.log(`teams-package: wrote ${path.relative(ROOT, OUT)} (manifest ${String(built.manifest.manifestVersion)}, bot ${appId}, ${commands} commands)`);
}

void main();
