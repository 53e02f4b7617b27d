import * as l10n from '@vscode/l10n';
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
      throw new ArmError(
        'TooManyPages',
        l10n.t({ message: 'Stopped listing {0} after {1} pages ({2}); the service kept returning a nextLink.', args: [this.what, this.maxPages, 'azureLocal.maxPages'], comment: '{0} is what was listed, {2} a setting' }),
        undefined,
      );
    }
    if (link !== undefined) {
      if (this.links.has(link)) throw repeated(this.what, l10n.t('the same nextLink twice'));
      this.links.add(link);
    }
    if (items.length) {
      const signature = items.map(identity).join('\n');
      if (this.contents.has(signature)) throw repeated(this.what, l10n.t('a page it had already sent'));
      this.contents.add(signature);
    }
  }
}

function malformed(url: string, what: string): ArmError {
  return new ArmError('InvalidResponse', l10n.t('Resource Manager answered a list ({0}) with a malformed page: {1}.', `${url.split('?')[0].split('/').pop()}`, what), undefined);
}

function repeated(what: string, how: string): ArmError {
  return new ArmError('RepeatedPage', l10n.t({ message: 'Stopped listing {0}: the service returned {1}, so the list would never end.', args: [what, how], comment: '{0} is what was listed, {1} what repeated' }), undefined);
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
    if (!page || typeof page !== 'object') throw malformed(url, l10n.t('the page is {0}', `${JSON.stringify(page)?.slice(0, 60)}`));
    if (page.value !== undefined && page.value !== null && !Array.isArray(page.value)) throw malformed(url, typeof page.value === 'object' ? l10n.t('"value" is an object, not a list') : l10n.t({ message: '"value" is a {0}, not a list', args: [typeof page.value], comment: '{0} is a JavaScript type: string, number, boolean' }));
    const items = page.value ?? [];
    guard.check(url, items);
    for (const item of items) yield item;
    if (page.nextLink !== undefined && page.nextLink !== null && typeof page.nextLink !== 'string') throw malformed(url, l10n.t('"nextLink" is {0}, not a URL', `${JSON.stringify(page.nextLink)}`));
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
