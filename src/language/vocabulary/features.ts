import comparison from '../../../data/comparison.json';

/**
 * Feature keywords of the external-vs-guest table, from the data file: keyword (as matched, lower
 * case) → row id. A few extra phrasings that real questions use are added here.
 */
const EXTRA: Record<string, string> = {
  'share a file': 'shareFiles', 'send files': 'shareFiles', 'send a file': 'shareFiles', 'sharing files': 'shareFiles',
  'share documents': 'shareFiles', gif: 'giphy', 'use gifs': 'giphy', emoji: 'stickers', 'my status': 'presence',
  'see if i am online': 'presence', 'see when i am online': 'presence', 'see whether i am available': 'availability',
  'added to a group chat': 'groupChat', 'join a group chat': 'groupChat', 'be added to group chats': 'groupChat',
  'join meetings': 'meetingInvite', 'join a meeting': 'meetingInvite', 'invited to a meeting': 'meetingInvite',
  'join a team': 'resources', 'join teams': 'resources', 'access channels': 'resources', 'access files': 'resources',
  'share screen': 'screenSharing', 'share their screen': 'screenSharing', 'share my screen': 'screenSharing',
  'video calls': 'video', 'be blocked': 'block', 'block them': 'block', 'be blocked individually': 'block',
  'edit their messages': 'editMessages', 'delete their messages': 'deleteMessages', 'mention me': 'mentions',
  'out of office message': 'outOfOffice', 'search for': 'search', 'find me': 'search',
  paperclip: 'shareFiles', 'attach a file': 'shareFiles', 'desktop sharing': 'screenSharing', 'share desktop': 'screenSharing',
  'online status': 'presence', '1:1 chat': 'chat', 'one-on-one chat': 'chat', 'group chats': 'groupChat',
  calls: 'call',
};

const normalize = (k: string): string => k.toLowerCase().replace(/[^\p{L}\p{N}@'-]+/gu, ' ').trim();

export const FEATURE_KEYWORDS: Readonly<Record<string, string>> = Object.fromEntries([
  ...comparison.rows.flatMap((r) => r.keywords.map((k) => [normalize(k), r.id] as const)),
  ...Object.entries(EXTRA),
]);
