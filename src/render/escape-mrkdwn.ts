// Slack reads &, < and > as markup (`<!channel>` pings everyone): escape them in anything we echo.

const MARKUP = /[&<>]/;

export function escapeMrkdwn(text: string): string {
  // Most text (every catalogue label) has none of the three: one scan, no copies.
  if (!MARKUP.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A link from the catalogue as Slack's `<url|text>`, or the text alone: a URL that is not plain http(s)
 * or holds what ends a link (<, >, |, a space) could carry "<!here>" into a channel.
 */
export function slackLink(url: string, text: string): string {
  return /^https?:\/\/[^\s<>|]+$/i.test(url) ? `<${url}|${text}>` : text;
}
