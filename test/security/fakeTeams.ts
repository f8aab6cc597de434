import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_TENANTS } from '../support/playground-people';

/** Tenant ids of the demo store's organizations (data/demo-policy.json). */
export const CONTOSO_EAST_TENANT = DEMO_TENANTS.contosoeast ?? '';
export const CONTOSO_WEST_TENANT = DEMO_TENANTS.contosowest ?? '';
/** A tenant no organization here carries. */
export const OTHER_TENANT = '0badc0de-1111-4222-8333-944455556666';

export interface FakeMember {
  email: string;
  name: string;
  /** What the roster reports; omitted when undefined (older connectors). */
  tenantId?: string;
  aadObjectId?: string;
}

/** A stand-in for the Teams connector: answers TeamsInfo.getMember like Teams does. */
export function fakeTeamsConnector(members: Record<string, FakeMember>): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const m = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
    const member = m ? members[decodeURIComponent(m[1] ?? '')] : undefined;
    if (!member) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: m?.[1],
        name: member.name,
        email: member.email,
        userPrincipalName: member.email,
        aadObjectId: member.aadObjectId ?? 'aad-1',
        ...(member.tenantId !== undefined ? { tenantId: member.tenantId } : {}),
      }),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

/** The fields that make a harness activity a Teams one from `tenantId`, through the fake connector. */
export function teamsFields(connectorUrl: string, tenantId: string, conversationId: string): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    conversation: { id: conversationId, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}
