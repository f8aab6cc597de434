import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES as HELP_EXAMPLES } from '../../src/language/examples';
import { decodePng } from '../support/png';
import { buildManifest, buildTeamsPackage, MAX_MENU_COMMANDS, menuCommands, teamsAppDir, validateManifest, type MenuExample } from '../support/teams-manifest';
import { readZip } from '../support/zip';

const APP_ID = '2f6d3c1a-8b4e-4c1d-9a7f-3e5b6c7d8e9f';
const TEMPLATE = readFileSync(path.join(teamsAppDir(), 'manifest.template.json'), 'utf8');
const ex = (text: string, title: string, role = 'user', kind = 'x'): MenuExample => ({ text, title, role, command: { kind } });
const EXAMPLES = [
  ex('help', 'What I can do', 'user', 'help'),
  ex('show settings', 'Your organization\'s external access'),
  ex('block fabrikam.com', 'Block a domain', 'admin'),
];

type Bot = { botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> };

describe('Teams app manifest', () => {
  it('uses the newest numbered Teams schema that @microsoft/app-manifest ships', () => {
    const schemas = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas/teams');
    const newest = readdirSync(schemas)
      .filter((v) => /^v\d+\.\d+$/.test(v))
      .map((v) => v.slice(1))
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
      .pop();
    const template = JSON.parse(TEMPLATE) as { manifestVersion: string; $schema: string };
    expect(template.manifestVersion).toBe(newest);
    expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${String(newest)}/MicrosoftTeams.schema.json`);
  });

  it('is valid against its schema, offline, with the bot id, the three scopes and the commands', async () => {
    const built = buildManifest(TEMPLATE, { appId: APP_ID, version: '1.2.3', examples: EXAMPLES });
    if (!built.ok) throw new Error(built.error);
    expect(validateManifest(built.manifest)).toEqual([]);
    const m = built.manifest as { id: string; version: string; bots: Bot[] };
    expect(m.id).toBe(APP_ID);
    expect(m.version).toBe('1.2.3');
    expect(m.bots).toHaveLength(1);
    const bot = m.bots[0] as Bot;
    expect(bot.botId).toBe(APP_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists).toEqual([
      { scopes: bot.scopes, commands: EXAMPLES.filter((e) => !e.text.includes('.com')).map((e) => ({ title: e.text, description: e.title })) },
    ]);
  });

  it.each([[''], ['not-a-guid'], ['${{MicrosoftAppId}}']])('refuses app id %p', (appId) => {
    const built = buildManifest(TEMPLATE, { appId, version: '1.0.0', examples: EXAMPLES });
    expect(built.ok).toBe(false);
  });

  it('reports schema violations', async () => {
    const built = buildManifest(TEMPLATE, { appId: APP_ID, version: '1.0.0', examples: EXAMPLES });
    if (!built.ok) throw new Error(built.error);
    const broken = { ...built.manifest, accentColor: 'purple' };
    delete (broken as Record<string, unknown>).name;
    const problems = validateManifest(broken);
    expect(problems.join('\n')).toMatch(/name/);
    expect(problems.join('\n')).toMatch(/accentColor/);
  });
});

describe('command menu', () => {
  it('puts help first, then what anyone can ask, then admin commands, without repeats or preview answers, up to the Teams limit', () => {
    const users = Array.from({ length: 6 }, (_, i) => ex(`question ${i}`, `Question ${i}`));
    const admins = Array.from({ length: 6 }, (_, i) => ex(`change ${i}`, `Change ${i}`, 'admin'));
    const commands = menuCommands([...admins, ex('yes', 'Confirm', 'user', 'confirm'), ...users, ex('Question 0', 'again'), ex('help', 'Help', 'user', 'help')]);
    expect(commands).toHaveLength(MAX_MENU_COMMANDS);
    expect(commands.map((c) => c.title)).toEqual(['help', ...users.map((e) => e.text), 'change 0', 'change 1', 'change 2']);
    expect(commands[1]).toEqual({ title: 'question 0', description: 'Question 0' });
  });

  it('lists the help card\'s own examples (src/language/examples.ts), as typed', () => {
    const commands = menuCommands(HELP_EXAMPLES);
    expect(commands.length).toBe(Math.min(MAX_MENU_COMMANDS, new Set(HELP_EXAMPLES.filter((e) => !['confirm', 'cancel'].includes(e.command.kind) && !/@|\.com\b/.test(e.text)).map((e) => e.text)).size));
    for (const command of commands) {
      expect(HELP_EXAMPLES).toContainEqual(expect.objectContaining({ text: command.title, title: command.description }));
    }
    expect(commands[0]?.title).toBe('help');
    expect(commands.map((c) => c.title)).toContain('show settings');
  });

  it('shows no demo addresses or domains: a menu command is sent as typed', () => {
    const titles = menuCommands(HELP_EXAMPLES).map((c) => c.title);
    expect(titles.length).toBe(MAX_MENU_COMMANDS);
    for (const t of titles) expect(t).not.toMatch(/@|contoso|fabrikam|\.com\b/i);
  });

  it('builds a valid manifest from the real examples', () => {
    const built = buildManifest(TEMPLATE, { appId: APP_ID, version: '0.1.0', examples: HELP_EXAMPLES });
    if (!built.ok) throw new Error(built.error);
    expect(validateManifest(built.manifest)).toEqual([]);
  });
});

describe('icons', () => {
  it('has a 192×192 opaque colour icon', () => {
    const png = decodePng(readFileSync(path.join(teamsAppDir(), 'color.png')));
    expect([png.width, png.height]).toEqual([192, 192]);
    const seeThrough = png.pixels.filter((v, i) => i % 4 === 3 && v !== 255).length;
    expect(seeThrough).toBe(0);
  });

  it('has a 32×32 outline icon: white on transparent', () => {
    const png = decodePng(readFileSync(path.join(teamsAppDir(), 'outline.png')));
    expect([png.width, png.height]).toEqual([32, 32]);
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      if (png.pixels[i + 3] === 0) transparent++;
      else if (png.pixels[i] !== 255 || png.pixels[i + 1] !== 255 || png.pixels[i + 2] !== 255) notWhite++;
    }
    expect(notWhite).toBe(0);
    expect(png.pixels[3]).toBe(0); // the corner is see-through
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
  });
});

describe('the package', () => {
  it('is a flat zip of manifest.json and the two icons the manifest names', async () => {
    const built = await buildTeamsPackage({ appId: APP_ID, version: '0.1.0', examples: EXAMPLES });
    if (!built.ok) throw new Error(built.error);
    const entries = readZip(built.zip);
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(String(entries.find((e) => e.name === 'manifest.json')?.data)) as { icons: { color: string; outline: string } };
    expect(manifest).toEqual(built.manifest);
    expect(entries.find((e) => e.name === manifest.icons.color)?.data).toEqual(readFileSync(path.join(teamsAppDir(), 'color.png')));
    expect(entries.find((e) => e.name === manifest.icons.outline)?.data).toEqual(readFileSync(path.join(teamsAppDir(), 'outline.png')));
  });
});
