/**
 * Records ARM exchanges as oav traffic files: one JSON file per exchange,
 * `{ liveRequest: { url, method, headers, body }, liveResponse: { statusCode, headers, body } }`
 * (oav's LiveRequest / LiveResponse; statusCode is a string). The Authorization header is never written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TrafficExchange {
  url: string;
  method: string;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  statusCode: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
}

const DROPPED_REQUEST_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export class TrafficRecorder {
  private counter = 0;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Writes one exchange; returns the file path. */
  record(exchange: TrafficExchange): string {
    const requestHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(exchange.requestHeaders)) {
      if (!DROPPED_REQUEST_HEADERS.has(k.toLowerCase())) requestHeaders[k] = v;
    }
    const payload = {
      liveRequest: {
        url: exchange.url,
        method: exchange.method.toUpperCase(),
        headers: requestHeaders,
        body: exchange.requestBody ?? null,
      },
      liveResponse: {
        statusCode: String(exchange.statusCode),
        headers: exchange.responseHeaders,
        body: exchange.responseBody ?? null,
      },
    };
    this.counter++;
    const name = `${Date.now()}-${process.pid}-${String(this.counter).padStart(6, '0')}-${exchange.method.toUpperCase()}.json`;
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, JSON.stringify(payload, null, 2));
    return file;
  }
}
