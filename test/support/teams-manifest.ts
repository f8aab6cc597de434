import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { writeZip } from './zip';

/**
 * The Teams app manifest: the template in data/teams-app/ plus the bot id, the version and the
 * command menu, which lists the same examples as the help card.
 */

const TEAMS_APP_DIR = path.resolve(__dirname, '../../data/teams-app');
// Compiled, this file lives one level deeper (dist/test/support).
const TEMPLATE_CANDIDATES = [TEAMS_APP_DIR, path.resolve(__dirname, '../../../data/teams-app')];

/** The part of a help example (src/language/examples.ts) the command menu needs. */
export interface MenuExample {
  text: string;
  title: string;
  role: string;
  command: { kind: string };
}

export interface MenuCommand {
  title: string;
  description: string;
}

/** Teams shows at most 10 commands per scope. */
export const MAX_MENU_COMMANDS = 10;
const TITLE_MAX = 128;

export function teamsAppDir(): string {
  const found = TEMPLATE_CANDIDATES.find((dir) => {
    try {
      readFileSync(path.join(dir, 'manifest.template.json'));
      return true;
    } catch {
      return false;
    }
  });
  if (found === undefined) throw new Error('teams-package: data/teams-app/manifest.template.json not found');
  return found;
}

// Answers to a preview card: meaningless as a command of their own.
const NOT_IN_MENU = new Set(['confirm', 'cancel']);

/**
 * The command menu, drawn from the help card's examples. Teams shows one menu to everyone and at
 * most ten commands, so: "help" first, then what anyone can ask, then admin commands, each group in
 * the help card's order; one command per distinct sentence. The full list stays on the help card.
 */
export function menuCommands(examples: readonly MenuExample[]): MenuCommand[] {
  // A menu command is inserted as typed: one naming a demo address or domain (rob@contosoeast.com,
  // fabrikam.com) would send someone else's example, so the menu keeps the sentences without one.
  const demo = /@|\b[a-z0-9-]+\.(com|net|org)\b/i;
  const usable = examples.filter((e) => !NOT_IN_MENU.has(e.command.kind) && e.text.trim() !== '' && e.text.trim().length <= TITLE_MAX && !demo.test(e.text));
  const ordered = [
    ...usable.filter((e) => e.command.kind === 'help'),
    ...usable.filter((e) => e.command.kind !== 'help' && e.role !== 'admin'),
    ...usable.filter((e) => e.command.kind !== 'help' && e.role === 'admin'),
  ];
  const seen = new Set<string>();
  const commands: MenuCommand[] = [];
  for (const e of ordered) {
    const title = e.text.trim();
    if (seen.has(title.toLowerCase())) continue;
    seen.add(title.toLowerCase());
    commands.push({ title, description: e.title.trim() || title });
    if (commands.length === MAX_MENU_COMMANDS) break;
  }
  return commands;
}

export interface ManifestInput {
  appId: string;
  version: string;
  examples: readonly MenuExample[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ManifestResult = { ok: true; manifest: Record<string, unknown> } | { ok: false; error: string };

export function buildManifest(templateText: string, input: ManifestInput): ManifestResult {
  if (!GUID.test(input.appId)) {
    return { ok: false, error: `teams-package: MicrosoftAppId must be the bot's app id (a GUID), got "${input.appId}"` };
  }
  const filled = templateText
    .split('${{MicrosoftAppId}}').join(input.appId)
    .split('${{APP_VERSION}}').join(input.version);
  const left = /\$\{\{[^}]*\}\}/.exec(filled);
  if (left !== null) return { ok: false, error: `teams-package: unknown placeholder ${left[0]} in the manifest template` };
  const manifest = JSON.parse(filled) as Record<string, unknown> & { bots?: Array<Record<string, unknown>> };
  const commands = menuCommands(input.examples);
  const bots = (manifest.bots ?? []).map((bot) => ({
    ...bot,
    commandLists: commands.length === 0 ? [] : [{ scopes: bot.scopes, commands }],
  }));
  return { ok: true, manifest: { ...manifest, bots } };
}

const SCHEMA_HOST = 'https://developer.microsoft.com/json-schemas/';

/**
 * The schema a manifest names in `$schema`, from the copies @microsoft/app-manifest ships (so
 * validation needs no network). Read as that package does: its schemas hold `\a`/`\v` escapes
 * that JSON does not allow.
 */
export function loadManifestSchema(schemaUrl: string): Record<string, unknown> {
  if (!schemaUrl.startsWith(SCHEMA_HOST)) throw new Error(`teams-package: $schema must start with ${SCHEMA_HOST}`);
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build/json-schemas', schemaUrl.slice(SCHEMA_HOST.length));
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Validates against the schema named by `$schema` the way @microsoft/app-manifest's
 * `validateAgainstSchema` does (ajv, draft-04 or 2020-12, formats uri/email/regex). Its own entry
 * point pulls an ESM-only dependency that jest cannot load, hence this copy of its few lines.
 */
export function validateManifest(manifest: Record<string, unknown>): string[] {
  const schemaUrl = manifest.$schema;
  if (typeof schemaUrl !== 'string') return ['/$schema is missing'];
  const schema = loadManifestSchema(schemaUrl);
  const options = { allErrors: true, strictTypes: false, strict: false } as const;
  const ajv = String(schema.$schema).includes('2020-12') ? new Ajv2020(options) : new Ajv04(options);
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export type PackageResult = { ok: true; zip: Buffer; manifest: Record<string, unknown> } | { ok: false; error: string };

/** manifest.json (validated) and the two icons, zipped flat as Teams expects. */
export async function buildTeamsPackage(input: ManifestInput): Promise<PackageResult> {
  const dir = teamsAppDir();
  const built = buildManifest(readFileSync(path.join(dir, 'manifest.template.json'), 'utf8'), input);
  if (!built.ok) return built;
  const problems = validateManifest(built.manifest);
  if (problems.length > 0) {
    return { ok: false, error: `teams-package: manifest.json does not match its schema:\n  ${problems.join('\n  ')}` };
  }
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(built.manifest, null, 2)}\n`) },
    { name: 'color.png', data: readFileSync(path.join(dir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(path.join(dir, 'outline.png')) },
  ]);
  return { ok: true, zip, manifest: built.manifest };
}
