import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectedClusterRequest, provisionedClusterRequest } from '../../src/commands/createCluster/bodies';
import { renderHttpDocument } from '../../src/commands/createCluster/httpDocument';
import { SAMPLE_SPEC } from '../fixtures/clusterSpec';

const ENDPOINT = 'https://management.azure.com';
const requests = [connectedClusterRequest(SAMPLE_SPEC), provisionedClusterRequest({ ...SAMPLE_SPEC, controlPlaneIp: '10.20.0.60' })];
const text = renderHttpDocument(requests, ENDPOINT);
/** The document split at REST Client's request separator: [header, step 1, step 2]. */
const sections = text.split(/^###/m);

describe('renderHttpDocument', () => {
  it('has a header, then one section per request', () => {
    assert.equal(sections.length, 3);
    assert.match(sections[0], /in order/);
    assert.match(sections[0], /step 2 only after step 1 succeeded/i);
    assert.ok(sections[0].includes(`# az account get-access-token --resource ${ENDPOINT} --query accessToken -o tsv\n`));
    assert.match(sections[0], /^@token = <paste a token here>$/m);
  });

  it('titles the steps', () => {
    assert.ok(sections[1].startsWith(' Step 1: connected cluster (Microsoft.Kubernetes)\n'));
    assert.ok(sections[2].startsWith(' Step 2: AKS Arc instance (Microsoft.HybridContainerService)\n'));
  });

  it('sends each request to the exact URL with the token header', () => {
    const sub = '/subscriptions/3f2c7a1e-8b4d-4e6f-9a2b-1c3d5e7f9a01/resourceGroups/rg-hci-seattle';
    const expected = [
      `PUT ${ENDPOINT}${sub}/providers/Microsoft.Kubernetes/connectedClusters/aks-new01?api-version=2024-01-01`,
      `PUT ${ENDPOINT}${sub}/providers/Microsoft.Kubernetes/connectedClusters/aks-new01/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default?api-version=2024-01-01`,
    ];
    expected.forEach((url, i) => {
      const lines = sections[i + 1].split('\n');
      assert.deepEqual(lines.slice(1, 5), [url, 'Authorization: Bearer {{token}}', 'Content-Type: application/json', '']);
    });
  });

  it('each body is strict JSON equal to the builder body', () => {
    requests.forEach((request, i) => {
      const body = sections[i + 1].split('\n').slice(5).join('\n');
      assert.deepEqual(JSON.parse(body), request.body);
    });
  });

  it('holds no token, only the {{token}} variable', () => {
    assert.ok(!text.includes('eyJ'));
    assert.ok(text.includes('{{token}}'));
  });

  it('without titles, names the steps by position', () => {
    const untitled = requests.map(({ title: _title, ...rest }) => rest);
    const doc = renderHttpDocument(untitled, ENDPOINT);
    assert.match(doc, /^### Step 1: connected cluster \(Microsoft\.Kubernetes\)$/m);
    assert.match(doc, /^### Step 2: AKS Arc instance \(Microsoft\.HybridContainerService\)$/m);
  });

  it('uses a given title and tolerates a trailing slash on the endpoint', () => {
    const doc = renderHttpDocument([{ ...requests[0], title: 'just the connected cluster' }], `${ENDPOINT}/`);
    assert.match(doc, /^### Step 1: just the connected cluster$/m);
    assert.ok(doc.includes(`PUT ${ENDPOINT}/subscriptions/`));
  });
});
