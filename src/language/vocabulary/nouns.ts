/** Nouns and noun phrases for settings and lists, as synonym dictionaries. */

/** The master switch (AllowFederatedUsers). */
export const FEDERATION = [
  'external access', 'federation', 'federated access', 'external federation', 'external communication',
  'external communications', 'external chat', 'external chats', 'teams federation', 'external access setting',
  'communication with other organizations', 'communication with external organizations',
  'communication with external domains', 'access to external organizations', 'external access for everyone', 'fed',
  'federation access',
];

export const ALLOW_LIST = [
  'allow list', 'allowlist', 'allowed list', 'allowed domains', 'allowed domain list', 'allowed domains list',
  'allow-list', 'safe list', 'whitelist', 'white list', 'list of allowed domains', 'allowed external domains',
  'allowed',
];
export const BLOCK_LIST = [
  'block list', 'blocklist', 'blocked list', 'blocked domains', 'blocked domain list', 'blocked domains list',
  'block-list', 'blacklist', 'black list', 'list of blocked domains', 'blocked external domains', 'blocked',
  'deny list',
];

/** "all" objects for the whole-domain-rule switches. */
export const EVERY = [
  'all', 'all external domains', 'all domains', 'all external', 'all external organizations',
  'all organizations', 'all external orgs', 'all orgs', 'all tenants', 'all external tenants', 'everyone',
  'everybody', 'everything', 'all companies', 'all external companies', 'every domain', 'every external domain',
  'any domain', 'any external domain', 'all known domains', 'all external domains and organizations',
];
export const OPEN_FEDERATION = ['open federation'];
export const CLOSED_FEDERATION = ['closed federation'];
export const SPECIFIC_ALLOW_MODE = [
  'only specific external domains', 'only specific domains', 'specific external domains only',
  'allow list mode', 'allowlist mode', 'allowed list mode',
];
export const SPECIFIC_BLOCK_MODE = [
  'only specific external domains', 'only specific domains', 'specific external domains only',
  'block list mode', 'blocklist mode', 'blocked list mode',
];

export const SUBDOMAINS = [
  'subdomain blocking', 'subdomains blocking', 'blocking of subdomains', 'block all subdomains setting',
  'subdomain block', 'blocking subdomains', 'blocking all subdomains',
];

/** Unmanaged (personal) Teams accounts: AllowTeamsConsumer. */
export const CONSUMER = [
  'unmanaged teams accounts', 'unmanaged teams account', 'unmanaged teams users', 'unmanaged accounts',
  'unmanaged users', 'unmanaged teams', 'personal teams accounts', 'personal teams account', 'personal accounts',
  'personal teams', 'teams personal accounts', 'consumer accounts', 'teams consumer', 'teams consumer accounts',
  'teams consumers', 'consumers', 'teams free', 'teams free accounts', 'personal microsoft accounts',
  'people with personal accounts', 'people using personal teams accounts', 'teams accounts not managed by an organization',
];
export const INBOUND = [
  'inbound', 'incoming', 'inbound contact', 'inbound messages', 'inbound chats', 'inbound requests',
  'inbound communication', 'incoming messages', 'incoming chats', 'incoming requests', 'incoming contact',
];
export const START_CONVERSATIONS = [
  'start conversations', 'starting conversations', 'start chats', 'starting chats', 'initiate conversations',
  'initiating conversations', 'start a conversation', 'contact us first', 'contact our users',
  'reach out first', 'start conversations with us', 'start conversations with our users', 'message us', 'contact us',
  'chat with us', 'reach us', 'reach out to us', 'message our users', 'chat with our users', 'reach our users',
  'message our people', 'find us',
];

export const TRIAL = [
  'trial tenants', 'trial tenant', 'trial-only tenants', 'trial-only tenant', 'trial only tenants',
  'trial organizations', 'trial organization', 'trial orgs', 'trial org', 'trial-only organizations',
  'trial accounts', 'trials', 'tenants on trial', 'trial domains', 'trial domain',
  'external access with trial tenants', 'access with trial tenants', 'communication with trial tenants',
];
export const TRIAL_EXCEPTION = [
  'trial exception', 'trial exceptions', 'trial tenant exception', 'trial tenant exceptions',
  'trial tenants exception', 'trial exemption', 'trial exemptions', 'exception for trial tenants',
  'allowed trial tenant domains', 'allowed trial domains', 'trial allow list', 'trial tenant allow list',
  'trial tenant', 'trial tenants',
];

export const POLICY = [
  'policy', 'external access policy', 'user policy', 'custom policy', 'access policy',
];
export const COEXISTENCE = [
  'coexistence', 'coexistence mode', 'teams upgrade mode', 'upgrade mode', 'mode', 'teams mode',
];
export const COEXISTENCE_MODE: Record<string, 'TeamsOnly' | 'Islands' | 'SfBOnly'> = {
  teamsonly: 'TeamsOnly', 'teams only': 'TeamsOnly', 'teams-only': 'TeamsOnly', 'teams only mode': 'TeamsOnly',
  islands: 'Islands', 'islands mode': 'Islands',
  sfbonly: 'SfBOnly', 'sfb only': 'SfBOnly', 'skype for business only': 'SfBOnly', 'skype only': 'SfBOnly',
};
export const ON_PREMISES = ['on-premises', 'on premises', 'on-prem', 'on prem', 'onprem', 'on-premise', 'on premise'];
export const ONLINE = ['online', 'the cloud', 'cloud', 'skype for business online', 'teams online'];

export const SETTINGS = [
  'settings', 'setting', 'configuration', 'config', 'setup', 'external access settings', 'federation settings',
  'organization settings', 'org settings', 'tenant settings', 'federation configuration', 'current settings',
  'external access configuration', 'policies', 'state', 'current state', 'domain rule', 'domain mode',
  'federation mode', 'external access mode', 'federation status', 'external access status', 'federation setup',
];
export const HISTORY = [
  'history', 'change history', 'audit log', 'audit trail', 'change log', 'changelog', 'log of changes',
  'recent changes', 'latest changes', 'last changes', 'changes', 'log', 'audit',
];
