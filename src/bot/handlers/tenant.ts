import * as cards from '../../cards';
import { plan } from '../../policy';
import { displayDomain } from '../../policy/domain';
import { DOMAIN_LIST_LIMIT } from '../../policy/model';
import type { Organization } from '../../policy/model';
import { dscConfiguration, exportJson, importNotes, powershellScript, prepareImport, readDomainPaste, readTenantText } from '../../tenant';
import { DEFAULT_ATTACHMENT_POLICY, fetchAttachment } from '../attachments';
import type { ExportFormat, Pasted } from '../paste';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { refuseUnlessAdmin, requestChange } from './change';

const FIRST_FEW = 10;

/** The sender's own organization, which every paste is about; or the reply that says why not. */
function ownOrganization(turn: Turn): { org: Organization } | { reply: Reply } {
  const org = turn.sender.org;
  if (turn.sender.address === '' || !org) {
    return { reply: views.error('I could not tell which organization you belong to, so I cannot compare, import or export its settings.') };
  }
  if (!org.managed || !org.settings) return { reply: views.refusal(`${org.name} is not managed here: I hold none of its settings.`) };
  return { org };
}

/** The pasted text, or the attached file's (fetched within the attachment policy). */
async function payload(turn: Turn, p: { text: string; file?: string }): Promise<{ text: string } | { reply: Reply }> {
  if (p.text.trim() !== '' || p.file === undefined) return { text: p.text };
  const fetched = await fetchAttachment(p.file, turn.deps.attachments ?? DEFAULT_ATTACHMENT_POLICY);
  if (!fetched.ok) return { reply: views.error(`I could not read the attached file: ${fetched.reason}. Nothing was changed.`) };
  return { text: fetched.text };
}

/** Pasted or attached tenant output, a whole list or an export request: each ends where a typed one would. */
export async function handlePaste(turn: Turn, pasted: Pasted): Promise<Reply[]> {
  if (pasted.kind === 'export') return exportSettings(turn, pasted.format);
  const own = ownOrganization(turn);
  if ('reply' in own) return [own.reply];
  if (pasted.kind !== 'compare') {
    const refused = refuseUnlessAdmin(turn, own.org);
    if (refused) return [refused];
  }
  const body = await payload(turn, pasted);
  if ('reply' in body) return [body.reply];
  switch (pasted.kind) {
    case 'list':
      return pasteList(turn, pasted.action, body.text);
    case 'import':
      return importText(turn, own.org, body.text);
    case 'compare':
      return compareText(turn, own.org, body.text);
  }
}

async function importText(turn: Turn, org: Organization, text: string): Promise<Reply[]> {
  const read = readTenantText(text);
  if (!read.ok) return [views.error(read.reason)];
  const prepared = prepareImport(org, read.reading);
  if (!prepared.ok) return [views.error(prepared.reason)];
  const notes = importNotes(prepared);
  return [...(notes.length > 0 ? [cards.messageCard({ title: `Read from ${prepared.change.source}`, lines: notes })] : []), ...(await requestChange(turn, prepared.change))];
}

/** Drift: what differs between the export and the settings here. Plans, never commits. */
function compareText(turn: Turn, org: Organization, text: string): Reply[] {
  const read = readTenantText(text);
  if (!read.ok) return [views.error(read.reason)];
  const prepared = prepareImport(org, read.reading);
  if (!prepared.ok) return [views.error(prepared.reason)];
  // Planned as the organization's admin would be: comparing changes nothing, so anyone in it may ask.
  const result = plan(turn.deps.store.read(), prepared.change, { ...turn.sender, adminOf: [org.id] }, turn.now);
  if (!result.ok) return [views.error(result.reason)];
  const notes = importNotes(prepared);
  const lines = result.plan.diff.length === 0 ? [`The export matches what I hold for ${org.name}.`] : [`${result.plan.diff.length} ${result.plan.diff.length === 1 ? 'difference' : 'differences'} (here → in the export).`];
  return [
    cards.messageCard({
      title: `Compared with ${prepared.change.source}`,
      color: result.plan.diff.length === 0 ? 'Good' : 'Warning',
      lines: [...lines, ...notes, 'Nothing was changed.'],
      facts: result.plan.diff.map((d) => ({ title: d.label, value: `${d.before} → ${d.after}` })),
    }),
  ];
}

async function pasteList(turn: Turn, action: Extract<Pasted, { kind: 'list' }>['action'], text: string): Promise<Reply[]> {
  const read = readDomainPaste(text);
  if (read.domains.length === 0) {
    const why = read.invalid.slice(0, FIRST_FEW).map((i) => i.reason).join('; ');
    return [views.error(`I found no valid domain in that list${why ? `: ${why}` : ''}. Nothing was changed.`)];
  }
  if (read.domains.length > DOMAIN_LIST_LIMIT) {
    return [views.error(`That list has ${read.domains.length.toLocaleString('en-US')} domains; Teams holds at most ${DOMAIN_LIST_LIMIT.toLocaleString('en-US')} in a list. Nothing was changed.`)];
  }
  const shown = read.domains.slice(0, FIRST_FEW).map(displayDomain);
  const lines = [`${read.domains.length.toLocaleString('en-US')} ${read.domains.length === 1 ? 'domain' : 'domains'}: ${shown.join(', ')}${read.domains.length > FIRST_FEW ? ', …' : ''}`];
  if (read.invalid.length > 0) {
    const bad = read.invalid.slice(0, FIRST_FEW).map((i) => i.reason);
    lines.push(`Skipped ${read.invalid.length} invalid ${read.invalid.length === 1 ? 'entry' : 'entries'}: ${bad.join('; ')}${read.invalid.length > FIRST_FEW ? '; …' : ''}.`);
  }
  const note = cards.messageCard({ title: `Read a list of ${read.domains.length.toLocaleString('en-US')} domains`, lines });
  return [note, ...(await requestChange(turn, { kind: action, org: '', domains: read.domains }))];
}

const EXPORTS: Record<ExportFormat, { label: string; ext: string; contentType: string; make: (org: Organization, now: Date) => string }> = {
  powershell: { label: 'PowerShell', ext: 'ps1', contentType: 'text/plain', make: powershellScript },
  dsc: { label: 'Microsoft365DSC', ext: 'ps1', contentType: 'text/plain', make: dscConfiguration },
  json: { label: 'JSON', ext: 'json', contentType: 'application/json', make: exportJson },
};

/** The organization's settings as a script: a code block, and a file where the channel takes files. Changes nothing. */
function exportSettings(turn: Turn, format: ExportFormat): Reply[] {
  const own = ownOrganization(turn);
  if ('reply' in own) return [own.reply];
  const e = EXPORTS[format];
  const text = e.make(own.org, turn.now);
  const name = `${own.org.id}-external-access${format === 'dsc' ? '.dsc' : ''}.${e.ext}`;
  const bound = cards.codeCard({
    title: `${own.org.name}: external access as ${e.label}`,
    lines: [format === 'dsc' ? 'A Microsoft365DSC configuration with the TeamsFederationConfiguration and TeamsExternalAccessPolicy blocks.' : format === 'json' ? 'Import it into another bot store with npm run import, or paste it back to compare.' : 'Run it after Connect-MicrosoftTeams: it sets every value, whatever the tenant holds now.'],
    code: text,
    cutNote: `the attached ${name} has them all (or run npm run export -- --org ${own.org.domains[0] ?? own.org.id} --format ${format})`,
  });
  return [{ ...bound, files: [{ name, contentType: e.contentType, text }] }];
}
