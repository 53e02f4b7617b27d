import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { GetTokenOptions } from '@azure/core-auth';
import { resolveCloud } from '../../src/auth/clouds';
import { DEV_TOKEN } from '../../src/auth/loopback';
import { createArmClient } from '../../src/azure/armClient';
import { Inventory } from '../../src/azure/inventory';
import { TenantDirectory } from '../../src/azure/tenants';
import { startEmulator, type Emulator } from '../emulator/server';
import { DEMO } from '../emulator/world';

/** One pipeline, several tenants: the credential is asked for each request's tenant, once per tenant. */
describe('tenants over the one pipeline', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('each request goes with its subscription\'s tenant\'s token (the emulator refuses any other); tokens are cached per tenant', async () => {
    const asked: (string | undefined)[] = [];
    const credential = {
      getToken: async (_scopes: string | string[], options?: GetTokenOptions) => {
        asked.push(options?.tenantId);
        return { token: `${DEV_TOKEN}${options?.tenantId ? `@${options.tenantId}` : ''}`, expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const directory = new TenantDirectory();
    const client = createArmClient({ cloud: resolveCloud({ resourceManagerEndpointOverride: emulator.url }), credential, userAgent: 'azure-local-tools/test', tenants: directory });
    const inventory = new Inventory(() => client, { tenants: () => [DEMO.tenants.home, DEMO.tenants.fabrikam], directory });
    const shown = await inventory.shownSubscriptions();
    assert.deepEqual(shown.map((s) => s.displayName).sort(), ['Contoso Edge Dev/Test', 'Contoso Edge Production', 'Fabrikam Retail Edge']);
    assert.equal(directory.tenantOfSubscription(DEMO.subscriptions.fabrikam.id), DEMO.tenants.fabrikam);
    const fabrikam = await inventory.subscription(DEMO.subscriptions.fabrikam.id);
    assert.deepEqual(fabrikam.customLocations.map((c) => (c as { name: string }).name), ['store-0042']);
    // A request under the Fabrikam subscription, with no tenant named: the directory picks Fabrikam's token.
    const rg = await client.get<{ name: string }>(`/subscriptions/${DEMO.subscriptions.fabrikam.id}/resourcegroups/rg-stores`, { apiVersion: '2025-04-01' });
    assert.equal(rg.name, 'rg-stores');
    assert.deepEqual([...new Set(asked)].sort(), [DEMO.tenants.home, DEMO.tenants.fabrikam].sort());
    assert.equal(asked.length, 2, `one token per tenant, cached: ${asked.join(', ')}`);
  });

  it('the directory: a named tenant wins, else the subscription\'s, else none', () => {
    const directory = new TenantDirectory();
    directory.learn([{ subscriptionId: 'AAAA', tenantId: 't1' }, { subscriptionId: 'bbbb' }]);
    assert.equal(directory.tenantFor('https://management.azure.com/subscriptions/aaaa/resourceGroups/x?api-version=1'), 't1');
    assert.equal(directory.tenantFor('https://management.azure.com/subscriptions/aaaa', 't2'), 't2');
    assert.equal(directory.tenantFor('https://management.azure.com/subscriptions/bbbb/x'), undefined);
    assert.equal(directory.tenantFor('https://management.azure.com/providers/Microsoft.ResourceGraph/resources'), undefined);
    assert.equal(directory.tenantFor('not a url'), undefined);
  });
});
