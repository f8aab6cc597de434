export { FederationBot } from './bot';
export { createAdapter } from './adapter';
export { PendingChanges } from './pending';
export type { BotDeps } from './turn';
