export { FederationBot } from './bot';
export { createAdapter } from './adapter';
export { PlanMemo } from './plan-memo';
export type { BotDeps } from './turn';
