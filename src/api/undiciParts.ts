import type * as Undici from 'undici';

/*
 * The three parts of undici the extension uses — `Agent`, `EnvHttpProxyAgent`
 * and `request` — taken from undici's own modules, so dist/undici.js leaves
 * out fetch, WebSocket, caches and mocks (535 KB of bundle before, 320 KB
 * now). The package's types describe these modules; they have none of their
 * own. esbuild bundles this file on its own as dist/undici.js, loaded with the
 * first request (see `LazyDispatcher`).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const Dispatcher = require('undici/lib/dispatcher/dispatcher') as { prototype: object };
export const Agent = require('undici/lib/dispatcher/agent') as typeof Undici.Agent;
export const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent') as typeof Undici.EnvHttpProxyAgent;
// What undici's index does to give every dispatcher `request()`.
Object.assign(Dispatcher.prototype, require('undici/lib/api') as object);
/* eslint-enable @typescript-eslint/no-require-imports */

/** undici's `request(url, options)`, for a dispatcher that is always given. */
export function request(
  url: string | URL,
  options: Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & { readonly method: Undici.Dispatcher.HttpMethod; readonly dispatcher: Undici.Dispatcher },
): Promise<Undici.Dispatcher.ResponseData> {
  const target = new URL(url);
  const { dispatcher, ...rest } = options;
  return dispatcher.request({ ...rest, origin: target.origin, path: `${target.pathname}${target.search}` });
}
