import type * as Undici from 'undici';
import { isLoopbackHost } from './hosts';
import { environmentHasProxy, type ProxySettings } from './proxySettings';
import type * as UndiciParts from './undiciParts';

/** undici and the one keep-alive dispatcher every request goes through. */
export interface Transport {
  readonly undici: typeof UndiciParts;
  readonly dispatcher: Undici.Dispatcher;
}

/**
 * Owns the dispatchers. undici is imported on the first request, not at
 * activation; the proxied dispatcher is rebuilt only when the proxy settings
 * change. Requests to this machine never go through a proxy: a local
 * gateway's key would otherwise cross the network in clear text.
 */
export class LazyDispatcher {
  private current: { readonly key: string; readonly transport: Transport } | undefined;
  private direct: Undici.Dispatcher | undefined;
  private disposed = false;

  async get(proxy: ProxySettings, target: URL): Promise<Transport> {
    if (isLoopbackHost(target.hostname)) {
      const undici = await import('./undiciParts');
      this.direct ??= new undici.Agent();
      return { undici, dispatcher: this.direct };
    }
    const key = JSON.stringify([proxy.proxyUrl ?? '', proxy.strictSSL, environmentHasProxy(process.env)]);
    if (this.current?.key === key) {
      return this.current.transport;
    }
    const undici = await import('./undiciParts');
    if (this.disposed) {
      throw new Error('The HTTP client was disposed.');
    }
    if (this.current?.key !== key) {
      this.close();
      this.current = { key, transport: { undici, dispatcher: createDispatcher(undici, proxy) } };
    }
    return this.current.transport;
  }

  dispose(): void {
    this.disposed = true;
    this.close();
    this.direct?.close().catch(() => undefined);
  }

  private close(): void {
    // Closing lets in-flight requests finish; nothing waits for it.
    this.current?.transport.dispatcher.close().catch(() => undefined);
    this.current = undefined;
  }
}

function createDispatcher(undici: typeof UndiciParts, proxy: ProxySettings): Undici.Dispatcher {
  const requestTls = { rejectUnauthorized: proxy.strictSSL };
  if (proxy.proxyUrl) {
    return new undici.EnvHttpProxyAgent({
      httpProxy: proxy.proxyUrl,
      httpsProxy: proxy.proxyUrl,
      requestTls,
      proxyTls: requestTls,
    });
  }
  if (environmentHasProxy(process.env)) {
    return new undici.EnvHttpProxyAgent({ requestTls, proxyTls: requestTls });
  }
  return new undici.Agent();
}
