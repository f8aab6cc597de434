import { CONFIRMATION_TTL_MS, PENDING_PER_SENDER, PENDING_TOTAL, PendingChanges } from '../../src/bot/pending';

const NOW = new Date('2026-11-24T10:00:00Z');
const input = (actor: string, conversationId = 'c') => ({
  action: { kind: 'change' as const, change: { kind: 'setFederation' as const, org: 'contoso-east', enabled: false } },
  actor,
  conversationId,
  request: 'turn off external access',
  orgPrint: 'o',
  shownPrint: 's',
});

describe('PendingChanges bounds (counts, not memory)', () => {
  it('defaults: five per sender, a thousand in all', () => {
    expect([PENDING_PER_SENDER, PENDING_TOTAL]).toEqual([5, 1000]);
  });

  it.each([1, 5, 6, 12, 50])('a sender with %i previews keeps only the newest five', (n) => {
    const pending = new PendingChanges();
    const ids = Array.from({ length: n }, (_, i) => pending.add(input('a@x.com', `c${i}`), NOW).id);
    expect(pending.size('a@x.com')).toBe(Math.min(n, 5));
    ids.forEach((id, i) => expect(pending.get(id) !== undefined).toBe(i >= n - 5));
    expect(pending.latestFor('a@x.com', `c${n - 1}`)?.id).toBe(ids[n - 1]);
  });

  it('in all, the oldest of anyone is dropped beyond the total', () => {
    const pending = new PendingChanges({ perSender: 5, total: 1000 });
    const ids = Array.from({ length: 1500 }, (_, i) => pending.add(input(`admin${i}@x.com`), NOW).id);
    expect(pending.size()).toBe(1000);
    expect(ids.slice(0, 500).every((id) => pending.get(id) === undefined)).toBe(true);
    expect(ids.slice(500).every((id) => pending.get(id) !== undefined)).toBe(true);
  });

  it('one sender cannot push out other senders’ previews', () => {
    const pending = new PendingChanges({ perSender: 5, total: 20 });
    const others = Array.from({ length: 10 }, (_, i) => pending.add(input(`o${i}@x.com`), NOW).id);
    for (let i = 0; i < 1000; i++) pending.add(input('attacker@x.com', `c${i}`), NOW);
    expect(pending.size('attacker@x.com')).toBe(5);
    expect(others.every((id) => pending.get(id) !== undefined)).toBe(true);
  });

  it('expired previews are swept when a new one is added', () => {
    const pending = new PendingChanges();
    const old = pending.add(input('a@x.com'), NOW);
    pending.add(input('b@x.com'), new Date(NOW.getTime() + CONFIRMATION_TTL_MS));
    expect(pending.get(old.id)).toBeUndefined();
  });
});
