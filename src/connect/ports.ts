import * as net from 'node:net';

/** `az connectedk8s proxy`'s default port; it also uses the port below it internally. */
export const DEFAULT_PROXY_PORT = 47011;

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The first port P from `start` (stepping by 2) where P and P−1 are both free, skipping ports already given to a
 * proxy of this window. Undefined after `attempts` tries.
 */
export async function findProxyPort(
  options: { start?: number; attempts?: number; taken?: ReadonlySet<number>; isFree?: (port: number) => Promise<boolean> } = {},
): Promise<number | undefined> {
  const start = options.start ?? DEFAULT_PROXY_PORT;
  const isFree = options.isFree ?? ((port: number) => isPortFree(port));
  for (let i = 0; i < (options.attempts ?? 20); i++) {
    const port = start + 2 * i;
    if (options.taken?.has(port) || options.taken?.has(port - 1)) continue;
    if ((await isFree(port)) && (await isFree(port - 1))) return port;
  }
  return undefined;
}
