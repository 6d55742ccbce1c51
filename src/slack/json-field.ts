// One field of the small JSON documents Slack carries back for us (a view's private_metadata, a button's
// value): undefined when the text is not JSON or has no such field. Never throws on what a client sent.
export function jsonField(text: string | undefined, field: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return parsed !== null && typeof parsed === 'object' && Object.hasOwn(parsed, field)
      ? (parsed as Record<string, unknown>)[field]
      : undefined;
  } catch {
    return undefined;
  }
}
