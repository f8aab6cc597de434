import labels from '../../data/admin-center-labels.json';
import type { DomainMode } from './model';

/**
 * The Teams admin center's wording, loaded as data (data/admin-center-labels.json) so a rename by
 * Microsoft is a one-line data change. Source: Microsoft Learn, "IT Admins - Manage external meetings
 * and chat with people and organizations using Microsoft identities" / "Manage external access".
 */
export interface AdminCenterLabels {
  page: string;
  organizationTab: string;
  policiesTab: string;
  federationSection: string;
  domainChoice: string;
  modes: Readonly<Record<DomainMode, string>>;
  allowDomainsButton: string;
  blockDomainsButton: string;
  consumerSection: string;
  consumerOutbound: string;
  consumerInbound: string;
  policyFederation: string;
  legacy: { allowSpecific: string; open: string };
  meetingsPage: string;
  meetingsAnonymous: string;
}

export const ADMIN_CENTER: Readonly<AdminCenterLabels> = labels;

/** "Teams admin center > Users > External access > Organization settings > <section>". */
export const orgSettingsPath = (section: string): string => `${ADMIN_CENTER.page} > ${ADMIN_CENTER.organizationTab} > "${section}"`;

/** "Teams admin center > Users > External access > Policies". */
export const policiesPath = (): string => `${ADMIN_CENTER.page} > ${ADMIN_CENTER.policiesTab}`;
