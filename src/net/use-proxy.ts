// An outbound proxy for everything eolwatch fetches: Slack's Web API (its client uses fetch), file
// downloads from Slack, and the catalogue refresh. Node's fetch ignores HTTPS_PROXY on its own; undici's
// EnvHttpProxyAgent, made the global dispatcher, honours it (and NO_PROXY), tunnelling with CONNECT.

export interface ProxySettings {
  httpsProxy: string | null;
  httpProxy: string | null;
  noProxy: string | null;
}

/** Loads undici only when a proxy is set: a command-line question does not pay for it. */
export async function useProxy(settings: ProxySettings): Promise<void> {
  if (!settings.httpsProxy && !settings.httpProxy) return;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import('undici');
  setGlobalDispatcher(
    new EnvHttpProxyAgent({
      ...(settings.httpsProxy ? { httpsProxy: settings.httpsProxy } : {}),
      ...(settings.httpProxy ? { httpProxy: settings.httpProxy } : {}),
      ...(settings.noProxy ? { noProxy: settings.noProxy } : {}),
    }),
  );
}
