import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES, type Capability, type FaxProviderExtras, type FullFaxProvider, type RemoteFax, type RemoteStatus,
} from '../../main/core/providers/faxProvider';
import { providerErrorOf } from '../support/providerKit';
import { NUMBERS, PROVIDER_TARGETS, useTarget, type RunningTarget } from '../support/providerTargets';
import type { TempFolder } from '../support/tempFolder';
import { waitFor } from '../support/testKit';

/**
 * Capability-specific behaviour, run only where the provider declares the capability, and the
 * other half of the promise: an undeclared capability has no method, so the UI can trust
 * `capabilities` alone.
 */

const SPEED = 50;

/** The optional methods each capability brings (capabilities not listed add no method). */
const METHODS_BY_CAPABILITY: Partial<Record<Capability, ReadonlyArray<keyof FaxProviderExtras>>> = {
  deleteContentOnly: ['deleteContent'],
  deleteFax: ['deleteFax'],
  reviewedFlag: ['setReviewed'],
  assignToPatient: ['assignToPatient', 'searchPatients', 'listDocumentTypes'],
  retryOnServer: ['retry'],
};
const WITH_METHODS = CAPABILITIES.filter((capability) => METHODS_BY_CAPABILITY[capability] !== undefined);

/** A declared capability's method; a missing one is a contract failure, not a skipped test. */
function declared<T>(method: T | undefined, name: string): T {
  if (method === undefined) throw new Error(`${name} is missing although its capability is declared`);
  return method;
}

describe.each(PROVIDER_TARGETS)('FaxProvider capabilities: $kind', (target) => {
  const has = (capability: Capability) => target.capabilities.has(capability);
  let emulator: RunningTarget;
  let dir: TempFolder;
  let provider: FullFaxProvider;

  useTarget(target, SPEED, (e, d, p) => { emulator = e; dir = d; provider = p; });

  async function inboundFax(): Promise<string> {
    return (await emulator.control.inbound({ from: NUMBERS.sender, to: target.ownNumber, pages: 1 })).id;
  }

  function until(id: string, status: RemoteStatus): Promise<RemoteFax> {
    return waitFor(async () => {
      const fax = await provider.getFax(id);
      return fax.status === status ? fax : undefined;
    }, 5_000, `fax ${id} ${status}`);
  }

  it('reports the same capabilities as the target declares', () => {
    expect([...provider.capabilities].sort()).toEqual([...target.capabilities].sort());
  });

  describe('methods follow capabilities', () => {
    it.each(WITH_METHODS.filter(has))('declares %s and has its methods', (capability) => {
      for (const method of METHODS_BY_CAPABILITY[capability] ?? []) expect(provider[method], method).toBeTypeOf('function');
    });

    // A method shared by two capabilities would make "absent" ambiguous; none is today.
    it.each(WITH_METHODS.filter((capability) => !has(capability)))('does not declare %s and has none of its methods', (capability) => {
      for (const method of METHODS_BY_CAPABILITY[capability] ?? []) expect(provider[method], method).toBeUndefined();
    });
  });

  it.runIf(has('deleteContentOnly'))('deleteContentOnly: the file goes, the record stays', async () => {
    const id = await inboundFax();
    await declared(provider.deleteContent, 'deleteContent').call(provider, id);
    expect((await providerErrorOf(provider.downloadFax(id))).code).toBe('not_found');
    const fax = await provider.getFax(id);
    expect(fax).toMatchObject({ id, direction: 'inbound', hasFile: false });
  });

  it.runIf(has('deleteFax'))('deleteFax: the record is gone', async () => {
    const id = await inboundFax();
    await declared(provider.deleteFax, 'deleteFax').call(provider, id);
    expect((await providerErrorOf(provider.getFax(id))).code).toBe('not_found');
  });

  it.runIf(has('reviewedFlag'))('reviewedFlag: setReviewed round-trips on an inbound fax', async () => {
    const id = await inboundFax();
    const setReviewed = declared(provider.setReviewed, 'setReviewed');
    expect((await setReviewed.call(provider, id, true)).reviewed).toBe(true);
    expect((await provider.getFax(id)).reviewed).toBe(true);
    expect((await setReviewed.call(provider, id, false)).reviewed).toBe(false);
    expect((await provider.getFax(id)).reviewed).toBe(false);
  });

  it.runIf(has('assignToPatient'))('assignToPatient: files an inbound fax to a found patient with a document type', async () => {
    const patients = await declared(provider.searchPatients, 'searchPatients').call(provider, 'Lovelace');
    const patient = patients[0];
    if (!patient) throw new Error('searchPatients found nobody for "Lovelace"');
    expect(patient.lastName).toBe('Lovelace');
    const types = await declared(provider.listDocumentTypes, 'listDocumentTypes').call(provider);
    const type = types[0];
    if (!type) throw new Error('listDocumentTypes returned none');
    expect(type).toMatchObject({ id: expect.any(String), name: expect.any(String), title: expect.any(String) });

    const id = await inboundFax();
    const assigned = await declared(provider.assignToPatient, 'assignToPatient').call(provider, id, { patientId: patient.id, documentTypeId: type.id });
    expect(assigned).toMatchObject({ id, direction: 'inbound', patientId: patient.id });
    expect((await provider.getFax(id)).patientId).toBe(patient.id);
  });

  it.runIf(has('retryOnServer'))('retryOnServer: a fax that failed once is retried on the server and ends sent', async () => {
    const number = target.failsOnceNumber;
    if (!number) throw new Error(`${target.kind} declares retryOnServer but its target names no "fails first time" number`);
    const [fax] = await provider.send({ to: [number], documents: [await dir.pdf('retry.pdf')] });
    if (!fax) throw new Error('send returned no fax');
    await until(fax.id, 'failed');

    const retried = await declared(provider.retry, 'retry').call(provider, fax.id);
    expect(retried.id).toBe(fax.id);
    expect(['queued', 'sending', 'sent']).toContain(retried.status);
    const done = await until(fax.id, 'sent');
    expect(done.failure).toBeUndefined();
  });

  it.runIf(has('multiRecipient'))('multiRecipient: one send to two numbers returns two faxes in the order of `to`', async () => {
    const document = await dir.pdf('multi.pdf');
    const other = '+12015550123';
    for (const to of [[NUMBERS.delivered, other], [other, NUMBERS.delivered]]) {
      const faxes = await provider.send({ to, documents: [document] });
      expect(faxes.map((fax) => fax.to)).toEqual(to);
      expect(new Set(faxes.map((fax) => fax.id)).size).toBe(2);
      for (const fax of faxes) expect(fax.direction).toBe('outbound');
    }
  });
});
