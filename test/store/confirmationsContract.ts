import {
  CONFIRMATION_TTL_MS,
  isExpired,
  PENDING_PER_SENDER,
  PENDING_TOTAL,
  type ConfirmationStore,
  type NewPendingChange,
  type PendingLimits,
} from '../../src/store/confirmations';

/** A fresh, empty confirmation store and `handles` views of it (each on its own connection where there are any). */
export interface ContractSubject {
  open(limits: PendingLimits, handles?: number): Promise<{ store: ConfirmationStore; handles: ConfirmationStore[] }>;
  /** Releases what the last `open` made. */
  dispose(): Promise<void>;
}

export const NOW = new Date('2026-11-24T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

export const input = (actor: string, conversationId = 'c'): NewPendingChange => ({
  action: { kind: 'change', change: { kind: 'setFederation', org: 'contoso-east', enabled: false } },
  actor,
  conversationId,
  request: 'turn off external access',
  shownPrint: 's',
});

const DEFAULTS: PendingLimits = { perSender: PENDING_PER_SENDER, total: PENDING_TOTAL };

/**
 * What every `ConfirmationStore` does, in memory or in a database: the bounds (per sender, in all,
 * oldest dropped), expiry as the bot checks it, single use, the latest per actor and conversation,
 * and the same under concurrent calls.
 */
export function confirmationContract(subject: ContractSubject): void {
  afterEach(() => subject.dispose());

  it('defaults: five per sender, a thousand in all, ten minutes', () => {
    expect([PENDING_PER_SENDER, PENDING_TOTAL, CONFIRMATION_TTL_MS]).toEqual([5, 1000, 600_000]);
  });

  it.each([1, 5, 6, 12, 50])('a sender with %i previews keeps only the newest five', async (n) => {
    const { store } = await subject.open(DEFAULTS);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await store.add(input('a@x.com', `c${i}`), NOW)).id);
    expect(await store.size('a@x.com')).toBe(Math.min(n, 5));
    const kept = await Promise.all(ids.map(async (id) => (await store.get(id)) !== undefined));
    expect(kept).toEqual(ids.map((_, i) => i >= n - 5));
    expect((await store.latestFor('a@x.com', `c${n - 1}`))?.id).toBe(ids[n - 1]);
  });

  it('in all, the oldest of anyone is dropped beyond the total', async () => {
    const { store } = await subject.open({ perSender: 5, total: 50 });
    const ids: string[] = [];
    for (let i = 0; i < 75; i++) ids.push((await store.add(input(`admin${i}@x.com`), NOW)).id);
    expect(await store.size()).toBe(50);
    const kept = await Promise.all(ids.map(async (id) => (await store.get(id)) !== undefined));
    expect(kept).toEqual(ids.map((_, i) => i >= 25));
  });

  it('one sender cannot push out other senders’ previews', async () => {
    const { store } = await subject.open({ perSender: 5, total: 20 });
    const others: string[] = [];
    for (let i = 0; i < 10; i++) others.push((await store.add(input(`o${i}@x.com`), NOW)).id);
    for (let i = 0; i < 100; i++) await store.add(input('attacker@x.com', `c${i}`), NOW);
    expect(await store.size('attacker@x.com')).toBe(5);
    expect(await store.size()).toBe(15);
    for (const id of others) expect(await store.get(id)).toBeDefined();
  });

  it('gives back what was added, with a new id and an expiry ten minutes on', async () => {
    const { store } = await subject.open(DEFAULTS);
    const change = { ...input('a@x.com'), request: 'block fabrikam.com', shownPrint: 'shown-1' };
    const undo: NewPendingChange = { ...input('a@x.com', 'd'), action: { kind: 'undo', orgId: 'contoso-east', entryId: 'e-42' } };
    const a = await store.add(change, NOW);
    const b = await store.add(undo, NOW);
    expect(a.id).not.toBe(b.id);
    expect(a).toEqual({ ...change, id: a.id, expiresAt: NOW.getTime() + CONFIRMATION_TTL_MS });
    expect(await store.get(a.id)).toEqual(a);
    expect(await store.get(b.id)).toEqual({ ...undo, id: b.id, expiresAt: NOW.getTime() + CONFIRMATION_TTL_MS });
    expect(await store.get('no-such-id')).toBeUndefined();
  });

  it.each([
    [CONFIRMATION_TTL_MS - 1, false],
    [CONFIRMATION_TTL_MS, true],
    [CONFIRMATION_TTL_MS + 60_000, true],
  ])('%i ms after its preview: expired %s, and still found until an add sweeps it', async (ms, expired) => {
    const { store } = await subject.open(DEFAULTS);
    const old = await store.add(input('a@x.com'), NOW);
    const found = await store.get(old.id);
    if (!found) throw new Error('not found');
    expect(isExpired(found, later(ms))).toBe(expired);
    expect((await store.latestFor('a@x.com', 'c'))?.id).toBe(old.id);
    await store.add(input('b@x.com'), later(ms));
    expect((await store.get(old.id)) === undefined).toBe(expired);
    expect(await store.size()).toBe(expired ? 1 : 2);
  });

  it('is used once: take hands it out, then it is gone', async () => {
    const { store } = await subject.open(DEFAULTS);
    const p = await store.add(input('a@x.com'), NOW);
    expect(await store.take(p.id)).toEqual(p);
    expect(await store.take(p.id)).toBeUndefined();
    expect(await store.get(p.id)).toBeUndefined();
    expect(await store.latestFor('a@x.com', 'c')).toBeUndefined();
    expect(await store.size()).toBe(0);
    expect(await store.take('no-such-id')).toBeUndefined();
  });

  it('latestFor: the newest of this actor in this conversation, nobody else’s', async () => {
    const { store } = await subject.open(DEFAULTS);
    const first = await store.add(input('a@x.com', 'c1'), NOW);
    const second = await store.add(input('a@x.com', 'c1'), NOW);
    await store.add(input('a@x.com', 'c2'), NOW);
    await store.add(input('b@x.com', 'c1'), NOW);
    expect((await store.latestFor('a@x.com', 'c1'))?.id).toBe(second.id);
    expect(await store.latestFor('a@x.com', 'c3')).toBeUndefined();
    expect(await store.latestFor('c@x.com', 'c1')).toBeUndefined();
    await store.take(second.id);
    expect((await store.latestFor('a@x.com', 'c1'))?.id).toBe(first.id);
    expect([await store.size('a@x.com'), await store.size('b@x.com'), await store.size()]).toEqual([2, 1, 3]);
  });

  it('20 concurrent takes of one preview: exactly one gets it', async () => {
    const { store, handles } = await subject.open(DEFAULTS, 20);
    const p = await store.add(input('a@x.com'), NOW);
    const taken = await Promise.all(handles.map((h) => h.take(p.id)));
    expect(taken.filter((t) => t !== undefined)).toEqual([p]);
  });

  it('30 concurrent adds by one sender leave five, 40 by different senders leave the total', async () => {
    const { store, handles } = await subject.open({ perSender: 5, total: 20 }, 20);
    await Promise.all(Array.from({ length: 30 }, (_, i) => handles[i % handles.length]!.add(input('a@x.com', `c${i}`), NOW)));
    expect(await store.size('a@x.com')).toBe(5);
    await Promise.all(Array.from({ length: 40 }, (_, i) => handles[i % handles.length]!.add(input(`s${i}@x.com`), NOW)));
    expect(await store.size()).toBe(20);
  });
}
