/** Spelling variants and contractions, rewritten token by token before matching. */
export const SPELLING: Readonly<Record<string, string>> = {
  cant: 'can\'t', dont: 'don\'t', doesnt: 'doesn\'t', wont: 'won\'t', isnt: 'isn\'t', arent: 'aren\'t',
  shouldnt: 'shouldn\'t', didnt: 'didn\'t', couldnt: 'couldn\'t', wouldnt: 'wouldn\'t', whats: 'what\'s',
  whos: 'who\'s', lets: 'let\'s', hasnt: 'hasn\'t', havent: 'haven\'t', im: 'im',
  organisation: 'organization', organisations: 'organizations', organisation_: 'organization',
  authorise: 'authorize', 'un-block': 'unblock', 'sub-domain': 'subdomain', 'sub-domains': 'subdomains',
  'sub-domain-blocking': 'subdomain blocking', 'allow-list': 'allowlist', 'block-list': 'blocklist',
  'white-list': 'whitelist', 'black-list': 'blacklist', 'e-mail': 'email', 'e-mails': 'emails',
  'teams-only': 'teamsonly', 'roll-back': 'rollback', 're-enable': 'reenable', 'un-allow': 'unallow',
  'on-prem': 'on-premises', onprem: 'on-premises', 'on-premise': 'on-premises', 'trial-only': 'trial-only',
  u: 'you', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', 'set-up': 'setup', wanna: 'want to',
  orgs: 'organizations', org: 'org', cancell: 'cancel',
  // ChatOps shorthand.
  blk: 'block', unblk: 'unblock', 're-allow': 'allow', reallow: 'allow', 're-block': 'block', reblock: 'block', whitelisted: 'allowed', blacklisted: 'blocked', emojis: 'emoji', gifs: 'gif',
};
