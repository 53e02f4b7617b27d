/**
 * The ARM emulator (test/emulator) accepts exactly this bearer token. The extension sends it only when the
 * Resource Manager endpoint is a loopback address, so it can never be presented to a real cloud.
 */
export const DEV_TOKEN = 'azure-local-tools-dev-token';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for http(s)://localhost, 127.0.0.0/8 and [::1] endpoints. */
export function isLoopbackEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
