import { allText, startTestBot, step, type ReplyActivity } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';
const ROB = 'rob@contosoeast.com';

/**
 * What the domain rules cover when a medium is named, through the real endpoint: a bare list beside a
 * medium, a change asked for some media only (explained; the whole change only as a preview button), and
 * a setting stated beside a question about a person. [who, says ("!Title" presses a button), expect,
 * whether the store file is byte-for-byte the same after the step].
 */
type Step = [who: string, says: string, expect: RegExp, store: 'same' | 'changed'];

const NOT_PER_MEDIUM = /^Not done: external access has no setting per medium$[\s\S]*Nothing was changed: external access is not set per medium/m;

const transcripts: Record<string, Step[]> = {
  'a bare list and a medium ask what the list covers (meetings: the anonymous join)': [
    [EAST_ADMIN, 'allow list + meetings?', /^What the domain rules cover$[\s\S]*not set per medium[\s\S]*"Anonymous users can join a meeting"[\s\S]*^Be invited to a meeting$/m, 'same'],
    [ROB, 'blocked domains and calls?', /^What the domain rules cover$[\s\S]*not set per medium[\s\S]*^Call people in another organization$/m, 'same'],
    [ROB, 'blocklist with meetings??', /^What the domain rules cover$[\s\S]*anonymously/m, 'same'],
  ],
  'a block "but not for meetings" is explained, with the meeting setting named as the admin center names it': [
    [EAST_ADMIN, 'block fabrikam.com but not for meetings', new RegExp(`${NOT_PER_MEDIUM.source}[\\s\\S]*“block fabrikam\\.com”[\\s\\S]*not for meetings[\\s\\S]*"Anonymous users can join a meeting" \\(Teams admin center > Meetings > Meeting settings\\)[\\s\\S]*^Preview: block fabrikam\\.com$`, 'm'), 'same'],
    // The button only previews the whole-domain block; Cancel drops it.
    [EAST_ADMIN, '!Preview: block fabrikam.com', /^Confirm this change\?[\s\S]*Block fabrikam\.com for Contoso East/m, 'same'],
    [EAST_ADMIN, '!Cancel', /Cancelled/, 'same'],
    [EAST_ADMIN, 'is fabrikam.com blocked?', /^Allowed: fabrikam\.com/m, 'same'],
  ],
  'an allow "for chat only" is explained, with what can be done instead, and previewed only on Confirm': [
    [EAST_ADMIN, 'allow contoso.com for chat only', new RegExp(`${NOT_PER_MEDIUM.source}[\\s\\S]*for chat only[\\s\\S]*external access policy sets the domains per user[\\s\\S]*^Preview: allow contoso\\.com$[\\s\\S]*^Chat with people in another organization$`, 'm'), 'same'],
    [EAST_ADMIN, '!Preview: allow contoso.com', /^Confirm this change\?[\s\S]*contoso\.com/m, 'same'],
    [EAST_ADMIN, '!Confirm', /^Done/m, 'changed'],
  ],
  'other shapes of the same request: only, just, in, "are fine", a question': [
    [EAST_ADMIN, 'can you block contoso.com just for calls', NOT_PER_MEDIUM, 'same'],
    [EAST_ADMIN, 'block northwind.com in chats, meetings are fine', /not set per medium[\s\S]*for chat only, not for meetings[\s\S]*anonymously/, 'same'],
    [EAST_ADMIN, 'turn off external access for meetings only', /not set per medium[\s\S]*The external access switch covers[\s\S]*^Preview: turn off external access$/m, 'same'],
    [EAST_ADMIN, 'can we block fabrikam.com only for chat?', NOT_PER_MEDIUM, 'same'],
  ],
  'a user gets the explanation without a preview button': [[ROB, 'block fabrikam.com for meetings only', new RegExp(`${NOT_PER_MEDIUM.source}(?![\\s\\S]*^Preview:)`, 'm'), 'same']],
  'a negated per-medium request stays refused by its negation': [[EAST_ADMIN, "don't block fabrikam.com for meetings", /^Not done: block fabrikam\.com$[\s\S]*You said “don't”/m, 'same']],
  'a setting stated beside a question about a person gets the verdict, with the setting that decides': [
    [ROB, 'external access is off but I can still chat with ann@contosowest.com?', /I read “external access is off” as what you see[\s\S]*^Reachable$[\s\S]*Contoso East has external access on/m, 'same'],
    [EAST_ADMIN, 'turn off external access', /Confirm/, 'same'],
    [EAST_ADMIN, '!Confirm', /^Done/m, 'changed'],
    [ROB, 'federation is disabled, yet I can still message ann@contosowest.com. how?', /^Not reachable$[\s\S]*Contoso East has external access turned off/m, 'same'],
  ],
  'a stated setting beside a request is still two requests': [
    [EAST_ADMIN, 'turn off external access and can I still chat with ann@contosowest.com?', /^Not done: more than one request$/m, 'same'],
  ],
};

describe('media and the domain rules, through the real endpoint', () => {
  it.each(Object.entries(transcripts))('%s', async (_name, steps) => {
    const bot = await startTestBot();
    try {
      let previous: ReplyActivity[] = [];
      for (const [who, says, expected, store] of steps) {
        const before = bot.storeBytes();
        previous = await step(bot, who, says, previous);
        expect(allText(previous)).toMatch(expected);
        expect({ says, same: bot.storeBytes().equals(before) }).toEqual({ says, same: store === 'same' });
      }
    } finally {
      await bot.close();
    }
  });
});
