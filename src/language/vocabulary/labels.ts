/**
 * Admin-center labels (today's Teams admin center and the 2019 Skype for Business / Teams wording in
 * shared/reference) and PowerShell parameter names, each mapped to the plain words the matchers
 * know. Microsoft renames these labels over time: keep them here, as data. Matched case-blind, with
 * or without quotes around them, longest first; a label becomes its words before anything else runs.
 */
export const LABELS: Readonly<Record<string, string>> = {
  // The master switch.
  'teams and skype for business users in external organizations': 'external access',
  'users can communicate with skype for business and teams users': 'external access',
  'users can communicate with other skype for business and teams users': 'external access',
  'communicate with skype for business and teams users': 'communicate with external organizations',
  'skype for business and teams users': 'external organizations',
  'external communications': 'external access',
  // The domain rule selector: the choice that follows says what to do.
  'choose which external domains your users have access to': 'domain rule',
  'allow or block external domains': 'domain rule',
  'on only for allowed domains': 'allow only specific external domains',
  // The four choices themselves, so a quoted choice ("switch to 'Allow all external domains'") is read, not taken as a name.
  'allow all external domains': 'allow all external domains',
  'allow only specific external domains': 'allow only specific external domains',
  'block only specific external domains': 'block only specific external domains',
  'block all external domains': 'block all external domains',
  'on except for blocked domains': 'block only specific external domains',
  // Unmanaged (personal) Teams accounts, outbound and inbound.
  'people in my organization can communicate with unmanaged teams accounts': 'unmanaged teams accounts',
  "people in my organization can communicate with teams users whose accounts aren't managed by an organization": 'unmanaged teams accounts',
  'people in my organization can communicate with teams users whose accounts are not managed by an organization': 'unmanaged teams accounts',
  'external users with teams accounts not managed by an organization can contact users in my organization': 'inbound from unmanaged teams accounts',
  'external users with teams accounts not managed by an organization can contact users in my org': 'inbound from unmanaged teams accounts',
  "teams users whose accounts aren't managed by an organization": 'unmanaged teams accounts',
  'teams accounts not managed by an organization': 'unmanaged teams accounts',
  'teams accounts that are not managed by an organization': 'unmanaged teams accounts',
  'users can communicate with skype users': 'unmanaged teams accounts',
  'allow users in my organization to communicate with skype users': 'unmanaged teams accounts',
  'user can communicate with skype users': 'unmanaged teams accounts',
  'users with teams personal accounts': 'unmanaged teams accounts',
  'teams personal accounts': 'unmanaged teams accounts',
  'skype consumer users': 'unmanaged teams accounts',
  'external consumer chats': 'unmanaged teams accounts',
  'consumer chats': 'unmanaged teams accounts',
};

/** Cmdlets: a Set- line is the change its parameters say, a Get- line the matching question. */
export const CMDLETS: Readonly<Record<string, string>> = {
  'set-cstenantfederationconfiguration': ' ',
  'set-csexternalaccesspolicy': ' ',
  'get-cstenantfederationconfiguration': 'show settings',
  'get-csexternalaccesspolicy': 'show settings',
  'get-csonlineuser': 'show settings',
  'select-object -expandproperty': ' ',
  'select-object': ' ',
};

/** PowerShell parameter names used as words ("AllowTeamsConsumerInbound false"). */
export const PARAMETERS: Readonly<Record<string, string>> = {
  allowfederatedusers: 'external access',
  enablefederationaccess: 'external access',
  allowteamsconsumerinbound: 'inbound from unmanaged teams accounts',
  enableteamsconsumerinbound: 'inbound from unmanaged teams accounts',
  allowteamsconsumer: 'unmanaged teams accounts',
  enableteamsconsumeraccess: 'unmanaged teams accounts',
  allowpublicusers: 'unmanaged teams accounts',
  enablepublicclouduseraccess: 'unmanaged teams accounts',
  blockallsubdomains: 'subdomain blocking',
  externalaccesswithtrialtenants: 'trial tenants',
  allowedtrialtenantdomains: 'trial tenant exceptions',
  alloweddomains: 'allowed domains',
  alloweddomainsasalist: 'allowed domains',
  blockeddomains: 'blocked domains',
};

/** Values PowerShell and config files give a switch. */
export const TRUE_WORDS = ['true', '$true', 'yes', '1'];
export const FALSE_WORDS = ['false', '$false', '0'];
