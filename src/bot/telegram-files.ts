/** The Bot API lets bots download files up to 20 MB with getFile. */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
}

export class FileDownloadError extends Error {
  override readonly name = 'FileDownloadError';
}

/**
 * Fetches a Telegram file straight into memory, stopping as soon as it passes `maxBytes`.
 * Never touches the disk. `url` holds the bot token, so it is never logged or put in an error.
 */
export async function downloadIntoMemory(
  url: string,
  maxBytes: number,
  timeoutMs = 60_000,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch {
    throw new FileDownloadError('download failed');
  }
  if (!response.ok || !response.body) throw new FileDownloadError(`status ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new FileTooLargeError('file too large');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      chunks.push(value);
      if (total > maxBytes) {
        await reader.cancel();
        throw new FileTooLargeError('file too large');
      }
    }
  } catch (error) {
    for (const chunk of chunks) chunk.fill(0);
    if (error instanceof FileTooLargeError) throw error;
    throw new FileDownloadError('download interrupted');
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
    chunk.fill(0);
  }
  return bytes;
}
