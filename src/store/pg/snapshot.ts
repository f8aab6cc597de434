import type { Organization, PolicyModel } from '../../policy/model';
import { AuditLog } from '../auditLog';
import { deepFreeze } from '../deepFreeze';
import { CURRENT_SCHEMA_VERSION } from '../fileSchema';
import type { AuditLine } from '../fileSchema';
import type { AuditEntry } from '../types';
import { WriteValidator } from '../validateFile';
import type { Delta } from './rows';

/**
 * One process's copy of the shared store, always a consistent prefix of the database's history:
 * at revision P it holds every organization as of P and every audit entry up to P. It moves on only
 * by a whole delta read in one statement (`absorb`) or by this process's own next change
 * (`applyOwn`); models and entries are frozen, so reads need no lock.
 */
export class Snapshot {
  readonly log: AuditLog;
  readonly validator: WriteValidator;
  #model: PolicyModel;
  #revision: number;

  constructor(state: { revision: number; organizations: PolicyModel['organizations'] }, lines: readonly AuditLine[], validation: 'incremental' | 'full') {
    const organizations = deepFreeze(state.organizations);
    const entries = lines.map((line) => deepFreeze(line.entry));
    this.#model = deepFreeze({ organizations });
    this.#revision = state.revision;
    this.log = new AuditLog(entries);
    this.validator = new WriteValidator(validation);
    this.validator.accept({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: state.revision, organizations }, entries);
  }

  get model(): PolicyModel {
    return this.#model;
  }

  get revision(): number {
    return this.#revision;
  }

  /** This process's change at `revision`: taken when it is the next one; false when others came in between (read them first). */
  applyOwn(revision: number, orgId: string, org: Organization | undefined, entry: AuditEntry): boolean {
    if (this.#revision >= revision) return true;
    if (this.#revision !== revision - 1) return false;
    const model = deepFreeze(withOrg(this.#model, orgId, org));
    this.log.append(entry);
    this.log.publish();
    this.#model = model;
    this.#revision = revision;
    return true;
  }

  /**
   * Takes in a validated delta. Another read may have moved the snapshot meanwhile: what it already
   * holds is skipped (at revision P it holds every organization as of P).
   */
  absorb(delta: Delta, organizations: Organization[], lines: AuditLine[]): void {
    const known = this.#revision;
    if (delta.revision <= known) return;
    const list = this.#model.organizations.slice();
    delta.organizations.forEach((row, i) => {
      if (row.revision <= known) return;
      const org = deepFreeze(organizations[i]!);
      const at = list.findIndex((o) => o.id === row.id);
      if (at >= 0) list[at] = org;
      else list.push(org);
    });
    const model = deepFreeze({ organizations: list });
    const fresh = lines.filter((l) => l.revision > known).map((l) => ({ revision: l.revision, entry: deepFreeze(l.entry) }));
    for (const line of fresh) this.log.append(line.entry);
    this.log.publish();
    this.validator.accept({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: delta.revision, organizations: list }, fresh.map((l) => l.entry));
    this.#model = model;
    this.#revision = delta.revision;
  }
}

/** A new model object (always: the policy engine caches per model object) with `org` in place of its namesake. */
export function withOrg(model: PolicyModel, orgId: string, org: Organization | undefined): PolicyModel {
  if (org === undefined) return { organizations: model.organizations };
  return { organizations: model.organizations.map((o) => (o.id === orgId ? org : o)) };
}
