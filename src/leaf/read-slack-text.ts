// Text as Slack sends it (a slash command with should_escape, a mention, a DM) -> the text as typed.
// Slack turns what looks like an address into a link ("node.js" arrives as <http://node.js|node.js>)
// and sends &, < and > as &amp;, &lt; and &gt;. Mentions of people, channels and groups (<@U123|alex>,
// <#C123|it>, <!here>) stay as they came: commands read who was mentioned from them. A < or > the
// person typed before @, # or ! stays escaped, so typed text never becomes a mention.

/** <http://node.js|node.js> -> node.js; <https://x.example> -> https://x.example; mailto likewise. */
const LINK = /<((?:https?|mailto|tel):[^|>\s]*)(?:\|([^>]*))?>/gi;

export function readSlackText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(LINK, (_link, address: string, label: string | undefined) => label ?? address)
    .replace(/&lt;(?![@#!])/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
