// What a person sees when an install does not finish: a short page in plain words, never a 500 for
// something they did (cancelling, an old link).
import type { IncomingMessage, ServerResponse } from 'node:http';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;

export function installFailurePage(
  error: Error & { code?: string },
  _options: unknown,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const cancelled = new URL(req.url ?? '/', 'http://localhost').searchParams.get('error') !== null;
  const [status, title, body] = cancelled
    ? [
        200,
        'eolwatch was not installed',
        'The installation was cancelled, so nothing changed. You can close this page, or start again from the install page.',
      ]
    : error.code === 'slack_oauth_invalid_state' || error.code === 'slack_oauth_missing_state'
      ? [
          400,
          'This install link cannot be used',
          'It was used already, has expired, or was opened in another browser. Start again from the install page.',
        ]
      : error.code === 'slack_oauth_missing_code'
        ? [400, 'This install link is incomplete', 'Start again from the install page.']
        : [
            502,
            'eolwatch could not finish installing',
            'Slack did not confirm the installation. Start again from the install page in a moment.',
          ];
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page(title, body));
}
