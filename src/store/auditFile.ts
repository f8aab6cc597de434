import { open as openFile, readFile, rename, rm, stat, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { auditLineSchema } from './fileSchema';
import type { AuditLine } from './fileSchema';
import { formatFirstIssue } from './formatIssue';

/** How much audit history is kept: files of about `maxFileBytes`, at most `maxFiles` (≥ 2) of them. */
export interface AuditRetention {
  maxFileBytes: number;
  maxFiles: number;
}

export const DEFAULT_RETENTION: AuditRetention = { maxFileBytes: 10 * 1024 * 1024, maxFiles: 5 };

/** `<file>.audit.jsonl` (index 0, the one appended to), then `<file>.audit.1.jsonl`… (older). */
export function auditPath(file: string, index = 0): string {
  return index === 0 ? `${file}.audit.jsonl` : `${file}.audit.${index}.jsonl`;
}

export type AuditOpen = { ok: true; audit: AuditFile; lines: AuditLine[] } | { ok: false; error: string };

/**
 * The audit log on disk: one JSON line per entry, appended, never rewritten. A batch appends its
 * entries before the state file is replaced; so entries newer than the state's revision are of a
 * batch that was never acknowledged (the process died between the two writes, or mid-append), and
 * `open` cuts them off. When the current file passes `maxFileBytes` it is renamed to `.1` (and `.1`
 * to `.2`…); the oldest beyond `maxFiles` is deleted, and its entries leave memory with it.
 */
export class AuditFile {
  readonly #file: string;
  readonly #retention: AuditRetention;
  readonly #durable: boolean;
  #handle: FileHandle | undefined;
  /** Where the file's last whole line ends. */
  #size: number;
  /** A failed append may have left bytes after `#size`. */
  #cutPending = false;
  /** Entries per file, by index (0 = current); undefined where a file is missing. */
  #counts: Array<number | undefined>;

  private constructor(file: string, retention: AuditRetention, size: number, counts: Array<number | undefined>, durable: boolean) {
    this.#file = file;
    this.#retention = retention;
    this.#durable = durable;
    this.#size = size;
    this.#counts = counts;
  }

  /** Reads every kept file, oldest first, and cuts off what the state (at `stateRevision`) never saw. */
  static async open(file: string, stateRevision: number, retention: AuditRetention = DEFAULT_RETENTION, durable = true): Promise<AuditOpen> {
    const lines: AuditLine[] = [];
    const counts: Array<number | undefined> = [];
    let last = 0;
    for (let index = retention.maxFiles - 1; index >= 0; index--) {
      const path = auditPath(file, index);
      const read = await readLines(path, last);
      if (!read.ok) return { ok: false, error: read.error };
      if (read.lines === undefined) continue;
      let keep = read.lines.length;
      let cut: number | undefined = read.partialAt;
      if (index === 0) {
        const newer = read.lines.findIndex((l) => l.line.revision > stateRevision);
        if (newer >= 0) {
          keep = newer;
          cut = read.lines[newer]!.offset;
        }
      } else if (read.partialAt !== undefined || read.lines.some((l) => l.line.revision > stateRevision)) {
        return { ok: false, error: `store: ${path}: holds changes the state file ${file} does not (revision ${stateRevision}); restore the matching state file` };
      }
      if (cut !== undefined) {
        try {
          await truncate(path, cut);
        } catch (err) {
          return { ok: false, error: `store: ${path}: cannot cut off unacknowledged changes: ${(err as Error).message}` };
        }
      }
      const kept = read.lines.slice(0, keep).map((l) => l.line);
      lines.push(...kept);
      counts[index] = kept.length;
      if (kept.length > 0) last = kept[kept.length - 1]!.revision;
    }
    const size = await stat(auditPath(file)).then((s) => s.size, () => 0);
    return { ok: true, audit: new AuditFile(file, retention, size, counts, durable), lines };
  }

  /** Whether the next append first needs `rotateIfFull` (known without I/O). */
  get full(): boolean {
    return this.#size >= this.#retention.maxFileBytes;
  }

  /**
   * Starts a new current file when this one is full. Returns how many entries (the oldest) left the
   * log with the file that fell off the end.
   */
  async rotateIfFull(): Promise<number> {
    if (!this.full) return 0;
    await this.#closeHandle();
    const { maxFiles } = this.#retention;
    const dropped = this.#counts[maxFiles - 1] ?? 0;
    await rm(auditPath(this.#file, maxFiles - 1), { force: true });
    // Oldest first, so a crash part way leaves a gap (tolerated on load), never two files swapped.
    for (let index = maxFiles - 2; index >= 0; index--) {
      if (this.#counts[index] !== undefined) await rename(auditPath(this.#file, index), auditPath(this.#file, index + 1));
    }
    this.#counts = [0, ...this.#counts.slice(0, maxFiles - 1)];
    this.#size = 0;
    return dropped;
  }

  /** Appends the batch's lines; returns where the file ended before, for `rollback`. */
  async append(lines: readonly AuditLine[]): Promise<number> {
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    this.#handle ??= await openFile(auditPath(this.#file), 'a');
    // A failed append may have left part of its lines (a full disk): they are cut off before anything
    // follows them, or the next line would continue a partial one and the file would not open again.
    if (this.#cutPending) {
      await this.#handle.truncate(this.#size);
      this.#cutPending = false;
    }
    const mark = this.#size;
    const bytes = Buffer.from(text, 'utf-8');
    try {
      await this.#handle.appendFile(bytes);
      // On the disk before the state that counts on them is acknowledged.
      if (this.#durable) await this.#handle.datasync();
      this.#size = mark + bytes.length;
    } catch (err) {
      this.#cutPending = true;
      await this.#handle.truncate(mark).then(
        () => (this.#cutPending = false),
        () => undefined, // cut before the next append, which fails until it can be
      );
      throw err;
    }
    this.#counts[0] = (this.#counts[0] ?? 0) + lines.length;
    return mark;
  }

  /** Takes a batch back out (its state write failed): the file ends at `mark` again. */
  async rollback(mark: number, entries: number): Promise<void> {
    if (this.#handle !== undefined) await this.#handle.truncate(mark);
    else await truncate(auditPath(this.#file), mark);
    this.#size = mark;
    this.#counts[0] = Math.max(0, (this.#counts[0] ?? 0) - entries);
  }

  async close(): Promise<void> {
    await this.#closeHandle();
  }

  async #closeHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }
}

type ReadLines =
  | { ok: true; lines?: Array<{ line: AuditLine; offset: number }>; partialAt?: number }
  | { ok: false; error: string };

/** The complete lines of one audit file with their byte offsets; a last line without newline is a cut-off append. */
async function readLines(path: string, after: number): Promise<ReadLines> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true };
    return { ok: false, error: `store: ${path}: cannot read: ${(err as Error).message}` };
  }
  const lines: Array<{ line: AuditLine; offset: number }> = [];
  let previous = after;
  let offset = 0;
  for (let n = 1; offset < buffer.length; n++) {
    const end = buffer.indexOf(0x0a, offset);
    if (end < 0) return { ok: true, lines, partialAt: offset };
    let raw: unknown;
    try {
      raw = JSON.parse(buffer.toString('utf-8', offset, end));
    } catch (err) {
      return { ok: false, error: `store: ${path}: invalid JSON at line ${n}: ${(err as Error).message}` };
    }
    const parsed = auditLineSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: `store: ${path}: line ${n}: ${formatFirstIssue(parsed.error)}` };
    if (parsed.data.revision <= previous) {
      return { ok: false, error: `store: ${path}: line ${n}: revision ${parsed.data.revision} does not follow ${previous}` };
    }
    previous = parsed.data.revision;
    lines.push({ line: parsed.data as AuditLine, offset });
    offset = end + 1;
  }
  return { ok: true, lines };
}
