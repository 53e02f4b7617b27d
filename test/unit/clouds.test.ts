import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { portalUrlForResource, resolveCloud, resourceManagerScope } from '../../src/auth/clouds';
import { isLoopbackEndpoint } from '../../src/auth/loopback';

describe('clouds', () => {
  it('is the public cloud by default', () => {
    const cloud = resolveCloud({});
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.azure.com');
    assert.equal(resourceManagerScope(cloud), 'https://management.core.windows.net//.default');
    assert.equal(cloud.authProviderId, 'microsoft');
  });

  it('follows VS Code\'s sovereign-cloud setting for endpoint, scope, portal and auth provider', () => {
    const china = resolveCloud({ sovereignEnvironment: 'ChinaCloud' });
    assert.equal(china.resourceManagerEndpoint, 'https://management.chinacloudapi.cn');
    assert.equal(resourceManagerScope(china), 'https://management.core.chinacloudapi.cn//.default');
    assert.equal(china.authProviderId, 'microsoft-sovereign-cloud');
    assert.equal(portalUrlForResource(resolveCloud({ sovereignEnvironment: 'USGovernment' }), '/subscriptions/s'), 'https://portal.azure.us/#resource/subscriptions/s');
  });

  it('reads a custom environment', () => {
    const cloud = resolveCloud({
      sovereignEnvironment: 'custom',
      customEnvironment: { name: 'Stack', resourceManagerEndpointUrl: 'https://management.local.azurestack.external/', portalUrl: 'https://portal.local.azurestack.external/', activeDirectoryResourceId: 'https://management.adfs.azurestack.local/abc' },
    });
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.local.azurestack.external');
    assert.equal(resourceManagerScope(cloud), 'https://management.adfs.azurestack.local/abc/.default');
    assert.equal(cloud.portalUrl, 'https://portal.local.azurestack.external');
  });

  it('applies the endpoint override and rejects one that is not http(s)', () => {
    assert.equal(resolveCloud({ resourceManagerEndpointOverride: 'http://127.0.0.1:47100/' }).resourceManagerEndpoint, 'http://127.0.0.1:47100');
    assert.throws(() => resolveCloud({ resourceManagerEndpointOverride: 'ftp://x' }), /must be an http\(s\) URL/);
    assert.throws(() => resolveCloud({ resourceManagerEndpointOverride: 'not a url' }), /Invalid URL/);
  });

  it('builds tenant-qualified portal links', () => {
    assert.equal(portalUrlForResource(resolveCloud({}), '/subscriptions/s/x', 'contoso.onmicrosoft.com'), 'https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/s/x');
  });

  it('knows loopback endpoints, and nothing else, as the emulator', () => {
    for (const url of ['http://127.0.0.1:1', 'http://localhost:8080', 'https://127.10.0.3', 'http://[::1]:9']) assert.ok(isLoopbackEndpoint(url), url);
    for (const url of ['https://management.azure.com', 'http://10.0.0.1', 'http://127.0.0.1.evil.com', 'file:///x', 'nonsense']) assert.ok(!isLoopbackEndpoint(url), url);
  });
});
