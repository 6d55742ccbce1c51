// Every call to Slack's Web API counted for the metrics, whichever client makes it (Bolt's own, each
// OAuth workspace's, the reminder poster's): they all go through WebClient's apiCall.
import { webApi } from '@slack/bolt';

type ApiCall = webApi.WebClient['apiCall'];

let counting = false;

/** Once per process: after this, each call reports its method and outcome (ok, rate_limited, Slack's error). */
export function countSlackCalls(report: (method: string, outcome: string) => void): void {
  if (counting) return;
  counting = true;
  // The method itself, called with each client as `this` below.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original: ApiCall = webApi.WebClient.prototype.apiCall;
  webApi.WebClient.prototype.apiCall = async function (this: webApi.WebClient, method, options) {
    try {
      const result = await original.call(this, method, options);
      report(method, 'ok');
      return result;
    } catch (error) {
      const { code, data } = error as { code?: string; data?: { error?: string } };
      report(method, code === webApi.ErrorCode.RateLimitedError ? 'rate_limited' : (data?.error ?? code ?? 'error'));
      throw error;
    }
  };
}
