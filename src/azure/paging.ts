/** One page of an ARM list: `{ value, nextLink }` (x-ms-pageable, nextLinkName "nextLink"). */
export interface ArmPage<T> {
  value?: T[];
  nextLink?: string | null;
}

/**
 * Yields every item of an ARM list, following `nextLink` exactly as the service returned it (it may carry another
 * api-version or a skip token; rebuilding it would break paging). Stops on a repeated link rather than looping forever.
 */
export async function* listAll<T>(firstUrl: string, getPage: (url: string) => Promise<ArmPage<T>>): AsyncGenerator<T> {
  const seen = new Set<string>();
  let url: string | undefined | null = firstUrl;
  while (url) {
    if (seen.has(url)) throw new Error(`The service returned the same nextLink twice: ${url}`);
    seen.add(url);
    const page: ArmPage<T> = await getPage(url);
    for (const item of page.value ?? []) yield item;
    url = page.nextLink;
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}
