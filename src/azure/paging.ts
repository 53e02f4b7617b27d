import { ArmError } from './armError';

/** One page of an ARM list: `{ value, nextLink }` (x-ms-pageable, nextLinkName "nextLink"). */
export interface ArmPage<T> {
  value?: T[];
  nextLink?: string | null;
}

/**
 * The one paging guard, for ArmClient's lists and the generated clients' alike: a list ends with an error after
 * `maxPages` pages, or as soon as a page repeats (the same link twice, or the same items again under a new skip token).
 */
export class PageGuard {
  private pages = 0;
  private readonly links = new Set<string>();
  private readonly contents = new Set<string>();

  constructor(
    private readonly what: string,
    private readonly maxPages: number,
  ) {}

  /** Called for each page before its items are used. */
  check(link: string | undefined, items: readonly unknown[]): void {
    this.pages++;
    if (this.pages > this.maxPages) {
      throw new ArmError('TooManyPages', `Stopped listing ${this.what} after ${this.maxPages} pages (azureLocal.maxPages); the service kept returning a nextLink.`, undefined);
    }
    if (link !== undefined) {
      if (this.links.has(link)) throw repeated(this.what, 'the same nextLink twice');
      this.links.add(link);
    }
    if (items.length) {
      const signature = items.map(identity).join('\n');
      if (this.contents.has(signature)) throw repeated(this.what, 'a page it had already sent');
      this.contents.add(signature);
    }
  }
}

function malformed(url: string, what: string): ArmError {
  return new ArmError('InvalidResponse', `Resource Manager answered a list (${url.split('?')[0].split('/').pop()}) with a malformed page: ${what}.`, undefined);
}

function repeated(what: string, how: string): ArmError {
  return new ArmError('RepeatedPage', `Stopped listing ${what}: the service returned ${how}, so the list would never end.`, undefined);
}

function identity(item: unknown): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.toLowerCase() : JSON.stringify(item) ?? '';
}

/**
 * Yields every item of an ARM list, following `nextLink` exactly as the service returned it (it may carry another
 * api-version or a skip token; rebuilding it would break paging), under the paging guard.
 */
export async function* listAll<T>(firstUrl: string, getPage: (url: string) => Promise<ArmPage<T>>, guard: PageGuard): AsyncGenerator<T> {
  let url: string | undefined = firstUrl;
  while (url) {
    const page: ArmPage<T> = await getPage(url);
    if (!page || typeof page !== 'object') throw malformed(url, `the page is ${JSON.stringify(page)?.slice(0, 60)}`);
    if (page.value !== undefined && page.value !== null && !Array.isArray(page.value)) throw malformed(url, `"value" is ${typeof page.value === 'object' ? 'an object' : `a ${typeof page.value}`}, not a list`);
    const items = page.value ?? [];
    guard.check(url, items);
    for (const item of items) yield item;
    if (page.nextLink !== undefined && page.nextLink !== null && typeof page.nextLink !== 'string') throw malformed(url, `"nextLink" is ${JSON.stringify(page.nextLink)}, not a URL`);
    url = page.nextLink || undefined;
  }
}

/** A generated client's pages (`.byPage()`), under the same guard. */
export async function collectPages<T>(pages: AsyncIterable<T[]>, guard: PageGuard): Promise<T[]> {
  const result: T[] = [];
  for await (const page of pages) {
    guard.check(undefined, page);
    result.push(...page);
  }
  return result;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}
