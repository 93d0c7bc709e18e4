import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWelkinEmulator } from '../support/emulatorSuite';
import { welkinProviderFor } from '../support/providerKit';
import { pdfBytes, readAll } from '../support/testKit';

const suite = useWelkinEmulator();
const PADDING_BYTES = 6 * 1024 * 1024;
/** Inside the PDF's padding attachment, and past anything a stream reads ahead before its first piece. */
const CHANGED = { start: 2 * 1024 * 1024, end: 5 * 1024 * 1024 };

const isUpload = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
  init?.method === 'POST' && /\/faxes\/[^/]+\/files$/.test(new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname);

/**
 * A fetch that lets the first piece of an upload's body go, then rewrites the file on disk (same
 * size, other bytes) before the rest is read. A body streamed from disk carries the new bytes; a
 * body read before the request (a Buffer, an in-memory Blob) carries the old ones, and a
 * file-backed Blob (`openAsBlob`) refuses to read a file that changed.
 */
function rewritingFetch(path: string, replacement: Uint8Array): { fetch: typeof fetch; sawStream: () => boolean } {
  let stream = false;
  const wrapped: typeof fetch = async (input, init) => {
    if (!isUpload(input, init)) return fetch(input, init);
    if (!(init?.body instanceof ReadableStream)) {
      await writeFile(path, replacement);
      return fetch(input, init);
    }
    stream = true;
    const reader = (init.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    await writeFile(path, replacement);
    const body = new ReadableStream<Uint8Array>({
      start(controller) { if (!first.done) controller.enqueue(first.value); },
      async pull(controller) {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return fetch(input, { ...init, body, duplex: 'half' } as RequestInit);
  };
  return { fetch: wrapped, sawStream: () => stream };
}

describe('Welkin provider: uploads stream from disk', () => {
  it('reads the file while the request goes out, not before it', async () => {
    const original = Buffer.from(await pdfBytes({ paddingBytes: PADDING_BYTES }));
    // Same size (Content-Length is taken before the body is read), other bytes in the middle.
    const rewritten = Buffer.from(original);
    for (let i = CHANGED.start; i < CHANGED.end; i++) rewritten[i] = 255 - rewritten[i]!;
    const path = join(suite.files.path, 'referral.pdf');
    await writeFile(path, original);
    const { fetch, sawStream } = rewritingFetch(path, rewritten);
    const { client } = welkinProviderFor(suite.url, { fetch });

    const draft = await client.createDraft({ receiverFaxNumber: '+19898989898' });
    const uploaded = await client.uploadFiles(draft.id, [{ path, name: 'referral.pdf', contentType: 'application/pdf', sizeBytes: original.length }]);
    const download = await client.downloadFile(draft.id, uploaded.files[0]!.id);
    const received = await readAll(download.body);

    expect(sawStream()).toBe(true);
    expect(received.length).toBe(original.length);
    expect(received.subarray(CHANGED.start, CHANGED.end).equals(rewritten.subarray(CHANGED.start, CHANGED.end))).toBe(true);
  });
});
