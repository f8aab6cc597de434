import { allText, startTestBot, step, type ReplyActivity, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';
const WEST_ADMIN = 'admin@contosowest.com';
const ROB = 'rob@contosoeast.com';
const ANN = 'ann@contosowest.com';

/**
 * [who, says, expect, store]: `says` is typed text or "!Title" (press that button on the previous
 * replies); `expect` must match the text of the replies; `store` says whether the store file must be
 * byte-for-byte unchanged by this step ("same") or must have changed ("changed").
 */
type Step = [who: string, says: string, expect: RegExp, store: 'same' | 'changed'];

const transcripts: Record<string, Step[]> = {
  'a user asks for help and sees the user examples': [[ROB, 'help', /can .*reach/i, 'same']],
  'an admin sees admin examples in help': [[EAST_ADMIN, 'help', /block/i, 'same']],
  'a user reads the settings of their organization': [[ROB, 'show settings', /Contoso East[\s\S]*Allow all external domains/, 'same']],
  'an admin blocks a domain: preview, then confirm with the button': [
    [EAST_ADMIN, 'block fabrikam.com', /fabrikam\.com[\s\S]*Confirm/i, 'same'],
    [EAST_ADMIN, '!Confirm', /fabrikam\.com/i, 'changed'],
    [EAST_ADMIN, 'is fabrikam.com allowed?', /block/i, 'same'],
  ],
  'settings cards follow every change (never a stale card)': [
    [ROB, 'show settings', /Allow all external domains/, 'same'],
    [EAST_ADMIN, 'block fabrikam.com', /Confirm/, 'same'],
    [EAST_ADMIN, '!Confirm', /fabrikam/, 'changed'],
    [ROB, 'show settings', /Block only specific external domains[\s\S]*fabrikam\.com/, 'same'],
    [EAST_ADMIN, 'undo', /Undo this change\?[\s\S]*fabrikam/, 'same'],
    [EAST_ADMIN, '!Confirm', /Undone[\s\S]*Undid: Block fabrikam\.com/, 'changed'],
    [ROB, 'show settings', /Allow all external domains/, 'same'],
  ],
  'a change without side effects is previewed too, and applied only on Confirm': [
    [EAST_ADMIN, 'allow trial tenant trial.example.com', /I understood: “allow trial tenant trial\.example\.com for Contoso East”[\s\S]*Confirm/i, 'same'],
    [EAST_ADMIN, '!Confirm', /Done[\s\S]*trial\.example\.com/i, 'changed'],
  ],
  'a corrected typo is previewed, never applied at once': [
    [EAST_ADMIN, 'blcok fabrikam.com', /block fabrikam\.com[\s\S]*Confirm/i, 'same'],
    [EAST_ADMIN, 'yes', /Done[\s\S]*fabrikam\.com/i, 'changed'],
  ],
  'a help example button previews for the admin’s own organization, never acts': [
    [EAST_ADMIN, 'help', /block fabrikam\.com/, 'same'],
    [EAST_ADMIN, '!Block a domain', /Confirm this change[\s\S]*Contoso East/, 'same'],
    [EAST_ADMIN, '!Unblock a domain for another organization', /Nothing to change|Confirm this change[\s\S]*Contoso East/, 'same'],
    [EAST_ADMIN, '!Turn off external access', /I understood: “turn off external access for Contoso East”[\s\S]*Confirm/, 'same'],
    [EAST_ADMIN, '!Confirm', /Done[\s\S]*External access/, 'changed'],
  ],
  'the help card has no Confirm or Cancel, and its Undo example only previews': [
    [EAST_ADMIN, 'help', /^What you can ask me(?![\s\S]*^(Confirm|Cancel|yes)$)/m, 'same'],
    [EAST_ADMIN, '!Undo the last change', /has no change to undo|Confirm/, 'same'],
  ],
  'a fix button on an answer previews the fix, never applies it': [
    [WEST_ADMIN, 'allow only fabrikam.com', /Confirm/, 'same'],
    [WEST_ADMIN, '!Confirm', /fabrikam/, 'changed'],
    [WEST_ADMIN, 'can ann@contosowest.com reach rob@contosoeast.com?', /^Not reachable[\s\S]*Fix/m, 'same'],
    [WEST_ADMIN, '!Fix', /Confirm this change\?[\s\S]*Contoso West[\s\S]*Confirm/, 'same'],
    [WEST_ADMIN, '!Confirm', /^Done/m, 'changed'],
    [WEST_ADMIN, 'can ann@contosowest.com reach rob@contosoeast.com?', /^Reachable/m, 'same'],
  ],
  'settings card buttons preview, never apply': [
    [EAST_ADMIN, 'show settings', /Turn external access off/, 'same'],
    [EAST_ADMIN, '!Turn external access off', /Confirm this change\?[\s\S]*External access/, 'same'],
    [EAST_ADMIN, '!Cancel', /Cancelled/, 'same'],
  ],
  'a user pressing an example sees no Confirm button': [
    [ROB, 'help', /^What you can ask me(?![\s\S]*^(Confirm|Cancel|yes|Block a domain|Undo the last change)$)/m, 'same'],
    [ROB, '!Can two people chat', /Reachable/, 'same'],
  ],
  'typed yes confirms and typed cancel cancels': [
    [EAST_ADMIN, 'block fabrikam.com', /Confirm/, 'same'],
    [EAST_ADMIN, 'cancel', /cancel/i, 'same'],
    [EAST_ADMIN, 'yes', /nothing waiting/i, 'same'],
    [EAST_ADMIN, 'turn off external access', /Confirm/, 'same'],
    [EAST_ADMIN, 'yes', /external access/i, 'changed'],
  ],
  'a user is refused a change, politely, with who can do it': [[ROB, 'block fabrikam.com', /Only an admin of Contoso East[\s\S]*admin@contosoeast\.com/, 'same']],
  'an admin of another organization is refused': [[WEST_ADMIN, 'block fabrikam.com for Contoso East', /Only an admin of Contoso East/, 'same']],
  'another admin cannot confirm someone else’s preview': [
    [EAST_ADMIN, 'block fabrikam.com', /Confirm/, 'same'],
    [WEST_ADMIN, '!Confirm', /Only admin@contosoeast\.com[\s\S]*can confirm/, 'same'],
    [ROB, '!Confirm', /Only admin@contosoeast\.com/, 'same'],
  ],
  'a confirmation is single-use': [
    [EAST_ADMIN, 'block fabrikam.com', /Confirm/, 'same'],
    [EAST_ADMIN, '!Confirm', /fabrikam/, 'changed'],
    // Pressing the same button again (the preview is still in the chat history).
    [EAST_ADMIN, '!Confirm', /nothing waiting/i, 'same'],
  ],
  'a user asks why they cannot reach someone at an unknown organization': [[ROB, "why can't I reach bob@fabrikam.com?", /^Depends on Fabrikam/m, 'same']],
  'two demo organizations reach each other': [[ANN, 'can ann@contosowest.com reach rob@contosoeast.com?', /^Reachable/m, 'same']],
  'an allow list on one side blocks the other': [
    [WEST_ADMIN, 'allow only fabrikam.com', /Confirm/, 'same'],
    [WEST_ADMIN, '!Confirm', /fabrikam/, 'changed'],
    [ROB, 'can I reach ann@contosowest.com?', /^Not reachable[\s\S]*Contoso West/m, 'same'],
  ],
  // Microsoft Learn, "IT Admins - Manage external meetings and chat with people and organizations using
  // Microsoft identities": people from blocked domains can still join meetings anonymously.
  'a meeting question across a block says anonymous join still works': [
    [WEST_ADMIN, 'block contosoeast.com', /Confirm/, 'same'],
    [WEST_ADMIN, '!Confirm', /contosoeast/, 'changed'],
    [ROB, 'can rob@contosoeast.com meet with ann@contosowest.com?', /^Not reachable[\s\S]*join rob@contosoeast\.com's meetings anonymously/m, 'same'],
  ],
  'undo by chat and by button, both audited': [
    [EAST_ADMIN, 'block fabrikam.com', /Confirm/, 'same'],
    [EAST_ADMIN, '!Confirm', /Undo/, 'changed'],
    [EAST_ADMIN, '!Undo', /Undo this change\?[\s\S]*fabrikam/i, 'same'],
    [EAST_ADMIN, '!Confirm', /Undone[\s\S]*fabrikam/i, 'changed'],
    [EAST_ADMIN, 'show history', /fabrikam/i, 'same'],
    [EAST_ADMIN, 'block fabrikam.com', /Confirm/, 'same'],
    [EAST_ADMIN, '!Confirm', /fabrikam/, 'changed'],
    [EAST_ADMIN, 'undo', /Undo this change\?[\s\S]*fabrikam/i, 'same'],
    [EAST_ADMIN, 'yes', /Undone[\s\S]*fabrikam/i, 'changed'],
    [EAST_ADMIN, 'undo', /Undo this change\?[\s\S]*fabrikam/i, 'same'],
    [EAST_ADMIN, 'cancel', /Cancelled/i, 'same'],
  ],
  'a user cannot undo': [[ROB, 'undo', /Only an admin of Contoso East/, 'same']],
  'gibberish gets suggestions and changes nothing': [[EAST_ADMIN, 'flibber the jabberwock', /understand|not sure|didn't/i, 'same']],
  'an invalid domain is explained': [[EAST_ADMIN, 'block contoso', /contoso.*(top-level|domain)/i, 'same']],
  'the comparison and a feature question': [
    [ROB, 'compare external and guest access', /Share files/i, 'same'],
    [ROB, 'can external users share files?', /guest/i, 'same'],
  ],
};

describe('conversation transcripts through the real endpoint', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it.each(Object.entries(transcripts))('%s', async (_name, steps) => {
    const chat: ReplyActivity[] = [];
    for (const [who, says, expected, store] of steps) {
      const before = bot.storeBytes();
      const replies = await step(bot, who, says, chat);
      chat.push(...replies);
      const text = allText(replies);
      try {
        expect(text).toMatch(expected);
        if (store === 'same') expect(bot.storeBytes().equals(before)).toBe(true);
        else expect(bot.storeBytes().equals(before)).toBe(false);
      } catch (err) {
        throw new Error(`step ${who}: "${says}" → ${(err as Error).message}\n--- replies ---\n${text}`);
      }
    }
  });
});

describe('a change that changes nothing', () => {
  it('is answered, not stored or audited', async () => {
    const bot = await startTestBot();
    try {
      const before = bot.storeBytes();
      const replies = await bot.say(EAST_ADMIN, 'turn on external access');
      expect(allText(replies)).toMatch(/Nothing to change/);
      expect(bot.storeBytes().equals(before)).toBe(true);
    } finally {
      await bot.close();
    }
  });
});
