/** Test helpers for the ARM emulator tests (node:test + global fetch). */
import { DEV_TOKEN } from '../../src/auth/loopback';
import type { Emulator } from './server';

export const AUTH = { Authorization: `Bearer ${DEV_TOKEN}` };

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function arm(emu: Emulator | string, method: string, pathOrUrl: string, body?: unknown, headers: Record<string, string> = AUTH): Promise<JsonResponse> {
  const base = typeof emu === 'string' ? emu : emu.url;
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${base}${pathOrUrl}`;
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export async function control(emu: Emulator, method: string, path: string, body?: unknown): Promise<JsonResponse> {
  return arm(emu, method, `/_emulator${path}`, body, {});
}

/** Polls an Azure-AsyncOperation URL until it leaves InProgress; returns the statuses seen (bounded by max polls). */
export async function pollAsyncOperation(url: string, max = 20): Promise<{ statuses: string[]; last: JsonResponse['body'] }> {
  const statuses: string[] = [];
  let last: JsonResponse['body'];
  for (let i = 0; i < max; i++) {
    const r = await arm(url, 'GET', url);
    if (r.status !== 200) throw new Error(`operation status GET returned ${r.status}`);
    last = r.body;
    statuses.push(r.body.status);
    if (r.body.status !== 'InProgress') break;
  }
  return { statuses, last };
}

/** Polls a Location URL until it stops returning 202; returns the status codes seen and the final response. */
export async function pollLocation(url: string, max = 20): Promise<{ codes: number[]; last: JsonResponse }> {
  const codes: number[] = [];
  let last!: JsonResponse;
  for (let i = 0; i < max; i++) {
    last = await arm(url, 'GET', url);
    codes.push(last.status);
    if (last.status !== 202) break;
  }
  return { codes, last };
}
