import type { Core } from '../../main/core/app';

/** A document's content as the document routes serve it (decrypted), whole; undefined when there is none. */
export async function readDocumentContent(core: Pick<Core, 'documentContent'>, id: string): Promise<Buffer | undefined> {
  const content = await core.documentContent(id);
  if (!content) return undefined;
  const parts: Buffer[] = [];
  for await (const part of content.open()) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
