/** The proxy the user configured in VS Code (`http.proxy`, `http.proxyStrictSSL`); environment variables apply otherwise. */
export interface ProxySettings {
  readonly proxyUrl?: string;
  readonly strictSSL: boolean;
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

export function environmentHasProxy(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '') !== '');
}
