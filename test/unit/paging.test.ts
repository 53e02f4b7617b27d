import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, listAll, PageGuard, type ArmPage } from '../../src/azure/paging';

const guard = (max = 1000) => new PageGuard('things', max);

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
      }, guard()),
    );
    assert.deepEqual(items, [1, 2, 3, 4]);
    assert.deepEqual(requested, Object.keys(pages));
  });

  it('treats a missing value as an empty page and a null nextLink as the end', async () => {
    assert.deepEqual(await collect(listAll('u', async () => ({ nextLink: null }), guard())), []);
  });

  it('stops with an error on a nextLink loop instead of paging forever', async () => {
    await assert.rejects(collect(listAll('u', async () => ({ value: [1], nextLink: 'u' }), guard())), /same nextLink twice/);
  });

  it('stops when a new skip token brings back a page it already sent', async () => {
    let n = 0;
    await assert.rejects(collect(listAll('u', async () => ({ value: [{ id: 'a' }], nextLink: `u?$skiptoken=${n++}` }), guard())), /a page it had already sent/);
    assert.equal(n, 2);
  });

  it('stops after the page cap, naming the setting', async () => {
    let n = 0;
    await assert.rejects(collect(listAll('u', async () => ({ value: [{ id: `i${n}` }], nextLink: `u?$skiptoken=${n++}` }), guard(5))), /after 5 pages \(azureLocal\.maxPages\)/);
    assert.equal(n, 6);
  });

  it('a malformed page is a clear error, not a TypeError', async () => {
    await assert.rejects(collect(listAll('u', async () => ({ value: 'x' }) as never, guard())), /malformed page: "value" is a string, not a list/);
    await assert.rejects(collect(listAll('u', async () => ({ value: { a: 1 } }) as never, guard())), /"value" is an object, not a list/);
    await assert.rejects(collect(listAll('u', async () => ({ value: [], nextLink: 42 }) as never, guard())), /"nextLink" is 42, not a URL/);
  });
});
