import type { DomainMode } from '../policy/model';

/** Short button titles for switching the domain rule (today's admin-center meaning). */
export const MODE_BUTTONS: Readonly<Record<DomainMode, string>> = {
  allowAll: 'Allow all domains',
  allowSpecific: 'Allow only listed',
  blockSpecific: 'Block only listed',
  blockAll: 'Block all domains',
};

export const MODE_ORDER: readonly DomainMode[] = ['allowAll', 'blockSpecific', 'allowSpecific', 'blockAll'];
