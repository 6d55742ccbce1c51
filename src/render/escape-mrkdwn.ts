// Slack reads &, < and > as markup (`<!channel>` pings everyone): escape them in anything we echo.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
