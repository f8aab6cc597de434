import { allText, startTestBot, step } from '../support/harness';

describe('graceful shutdown', () => {
  it('lets in-flight turns and store writes finish: every acknowledged change is in the store', async () => {
    const bot = await startTestBot();
    try {
      // Every change is previewed first: preview all, then confirm all at once.
      const previews = await Promise.all(
        Array.from({ length: 30 }, (_, i) => bot.say('admin@contosoeast.com', `allow trial tenant t${i}.example.com`, { conversation: { id: `c${i}`, conversationType: 'personal' } })),
      );
      const start = bot.storeBytes();
      const requests = previews.map((preview, i) =>
        step(bot, 'admin@contosoeast.com', '!Confirm', preview).then(
          (replies) => (/^Done/m.test(allText(replies)) ? `t${i}.example.com` : undefined),
          () => undefined,
        ),
      );
      // Stop as soon as the first change is on disk, while the others are still arriving.
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
