import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../../common/domain/document';
import type { InboxFax } from '../../../common/domain/inbox';
import { masterKeyFrom } from '../../../main/core/crypto/masterKey';
import { SealedFiles } from '../../../main/core/crypto/sealedFiles';
import { chunkOffset, DamagedFileError } from '../../../main/core/crypto/sealedFormat';
import { startTestCore, waitFor, type CoreHarness } from '../../support/coreKit';
import { readDocumentContent } from '../../support/documentContent';
import { useSinchEmulator } from '../../support/emulatorSuite';
import { allRows } from '../../support/inboxKit';
import { addSinchAccount, fastFactory, sendFax, waitForFax } from '../../support/outboxKit';
import { pdfBytes } from '../../support/testKit';

/**
 * Issue 13, item 1, on real files: after a real send and a real receive through the Sinch
 * emulator, nothing in the data folder holds a fixture's bytes or a PDF header; the stored files
 * open only with the keychain's master key; a flipped byte is reported as damaged, never shown.
 */
const sinch = useSinchEmulator({ speed: 20 });
let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Distinctive slices of a fixture (its text streams and trailer included): none may be on disk. */
function samplesOf(bytes: Uint8Array): Buffer[] {
  const samples: Buffer[] = [];
  for (let at = 0; at + 48 <= bytes.length; at += Math.max(48, Math.floor(bytes.length / 40))) samples.push(Buffer.from(bytes.subarray(at, at + 48)));
  return samples;
}

async function sentAndReceived(): Promise<{ accountId: string; sent: { doc: DocumentInfo; bytes: Uint8Array }; received: { fax: InboxFax; bytes: Uint8Array } }> {
  h = startTestCore({ demo: false, providerFactory: fastFactory({ timeoutMs: 2_000 }), inbox: { intervalMs: 3_600_000 } });
  const accountId = await addSinchAccount(h, sinch.url);
  const sentBytes = await pdfBytes({ pages: 2, text: 'Referral for Jordan Lee, DOB 1970-01-01' });
  const sentCopy = Buffer.from(sentBytes); // the core may take over the buffer
  const added = await h.core.dispatch('documents.add', { name: 'referral.pdf', bytes: sentBytes });
  expect(added.ok).toBe(true);
  const doc = (added as { value: DocumentInfo }).value;
  const job = await sendFax(h, accountId, doc.id);
  await waitForFax(h, job.id, ['sent'], 20_000);

  const receivedBytes = Buffer.from(await pdfBytes({ pages: 3, text: 'Lab results for Alex Morgan: potassium 4.1' }));
  await sinch.control.inbound({ from: '+13125550199', to: '+12015550100', pdfBase64: receivedBytes.toString('base64') });
  h.core.dispatch('inbox.syncNow', {});
  const [fax] = await waitFor(async () => {
    const rows = await allRows(h!);
    return rows.length === 1 && rows[0]!.document.state === 'ready' ? rows : undefined;
  }, 20_000, 'the received fax with its document');
  return { accountId, sent: { doc, bytes: sentCopy }, received: { fax: fax!, bytes: receivedBytes } };
}

describe('documents are encrypted at rest', () => {
  it('after a real send and receive, no fixture bytes and no %PDF header are anywhere in the data folder; the master key opens them', async () => {
    const { sent, received } = await sentAndReceived();
    // A page split off the received fax is stored too (and sealed).
    const split = await h!.core.dispatch('inbox.split', { id: received.fax.id, pages: [1] });
    expect(split.ok).toBe(true);
    // Served decrypted, exactly as received.
    expect(sha256((await readDocumentContent(h!.core, received.fax.id))!)).toBe(sha256(received.bytes));
    expect(sent.doc.sha256).toBe(sha256(sent.bytes));

    const files = filesUnder(h!.dataDir);
    const stored = files.filter((file) => /[/\\](documents|inbox)[/\\]/.test(file));
    expect(stored.length).toBeGreaterThanOrEqual(3); // the sent PDF, the received fax, the split part
    const samples = [...samplesOf(sent.bytes), ...samplesOf(received.bytes)];
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes('%PDF'), `${relative(h!.dataDir, file)} has a PDF header`).toBe(false);
      for (const sample of samples) expect(bytes.includes(sample), `${relative(h!.dataDir, file)} holds fixture bytes`).toBe(false);
    }
    expect(readdirSync(join(h!.dataDir, 'private-tmp'), { recursive: true })).toEqual(['drafts-incoming']); // plain forms are gone after use (server drafts' folder is empty)

    // Every stored file opens with the keychain's key, and with no other.
    const withKey = new SealedFiles(masterKeyFrom(h!.secrets));
    const withoutKey = new SealedFiles(async () => randomBytes(32));
    for (const file of stored) {
      expect((await withKey.readAll(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await expect(withoutKey.readAll(file)).rejects.toBeInstanceOf(DamagedFileError);
    }
    expect(sha256(await withKey.readAll(join(h!.dataDir, 'inbox', `${received.fax.id}.pdf`)))).toBe(sha256(received.bytes));
  }, 60_000);

  it('a flipped byte in a stored fax is reported as damaged: not served, not saved, and the fax shows the problem', async () => {
    const { received, sent } = await sentAndReceived();
    const path = join(h!.dataDir, 'inbox', `${received.fax.id}.pdf`);
    const bytes = readFileSync(path);
    bytes[chunkOffset(0) + 200]! ^= 0x01;
    writeFileSync(path, bytes);

    const saved = await h!.core.dispatch('inbox.export', { id: received.fax.id, rotated: false });
    expect(saved).toMatchObject({ ok: false, error: { code: 'not_found', message: 'The saved copy of this fax’s document is damaged.' } });
    const fax = await h!.core.dispatch('inbox.get', { id: received.fax.id });
    expect(fax).toMatchObject({ ok: true, value: { document: { state: 'unavailable', problem: 'corrupt' } } });
    expect(await h!.core.documentContent(received.fax.id)).toBeUndefined();

    // A damaged document to send: the route's stream fails before any of its bytes, and a rotated export or print refuses it too.
    const sentPath = join(h!.dataDir, 'documents', `${sent.doc.id}.pdf`);
    const sealed = readFileSync(sentPath);
    sealed[sealed.length - 3]! ^= 0x80;
    writeFileSync(sentPath, sealed);
    const content = (await h!.core.documentContent(sent.doc.id))!;
    await expect((async () => { for await (const part of content.open()) void part; })()).rejects.toBeInstanceOf(DamagedFileError);
    expect(h!.logLines.some((line) => line.line.includes('a stored document is damaged'))).toBe(true);
  }, 60_000);
});
