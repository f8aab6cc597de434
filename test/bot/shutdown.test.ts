import { startTestBot } from '../support/harness';

describe('graceful shutdown', () => {
  it('lets in-flight turns and store writes finish: every acknowledged change is in the store', async () => {
    const bot = await startTestBot();
    try {
      const requests = Array.from({ length: 30 }, (_, i) =>
        bot
          .say('admin@contosoeast.com', `allow trial tenant t${i}.example.com`, { conversation: { id: `c${i}`, conversationType: 'personal' } })
          .then(
            () => `t${i}.example.com`,
            () => undefined,
          ),
      );
      // Stop as soon as the first change is on disk, while the others are still arriving.
      const start = bot.storeBytes();
      while (bot.storeBytes().equals(start)) await new Promise((r) => setTimeout(r, 2));
      await bot.stop();
      const acknowledged = (await Promise.all(requests)).filter((d): d is string => d !== undefined);
      const stored: string[] = bot.storeJson().organizations[0]?.settings.allowedTrialTenantDomains;
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(stored).toEqual(expect.arrayContaining(acknowledged));
      expect(bot.storeJson().audit).toHaveLength(stored.length);
    } finally {
      await bot.close();
    }
  });
});
