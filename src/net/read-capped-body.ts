// A fetch response's body, counted as it streams in and refused past a cap, so neither a huge answer
// nor a gzip bomb is ever held whole. Shared by the catalogue download and Slack file downloads.

export type CappedBody = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export async function readCappedBody(response: Response, maxBytes: number, what = 'the answer'): Promise<CappedBody> {
  const tooLarge = { ok: false as const, reason: `${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    return tooLarge;
  }
  const reader = response.body?.getReader();
  if (!reader) return { ok: true, bytes: Buffer.alloc(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(part.value);
    }
  } catch (error) {
    return { ok: false, reason: `${what} broke off (${(error as Error).message})` };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
