import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, listAll, type ArmPage } from '../../src/azure/paging';

describe('paging', () => {
  it('follows nextLink exactly as returned, across pages', async () => {
    const pages: Record<string, ArmPage<number>> = {
      'https://arm/list?api-version=1': { value: [1, 2], nextLink: 'https://arm/list?api-version=2019-11-01-preview&$skipToken=a%2Fb' },
      'https://arm/list?api-version=2019-11-01-preview&$skipToken=a%2Fb': { value: [3], nextLink: 'https://arm/p3' },
      'https://arm/p3': { value: [4] },
    };
    const requested: string[] = [];
    const items = await collect(
      listAll('https://arm/list?api-version=1', async (url) => {
        requested.push(url);
        const page = pages[url];
        if (!page) throw new Error(`unexpected ${url}`);
        return page;
      }),
    );
    assert.deepEqual(items, [1, 2, 3, 4]);
    assert.deepEqual(requested, Object.keys(pages));
  });

  it('treats a missing value as an empty page and a null nextLink as the end', async () => {
    assert.deepEqual(await collect(listAll('u', async () => ({ nextLink: null }))), []);
  });

  it('stops with an error on a nextLink loop instead of paging forever', async () => {
    await assert.rejects(collect(listAll('u', async () => ({ value: [1], nextLink: 'u' }))), /same nextLink twice/);
  });
});
