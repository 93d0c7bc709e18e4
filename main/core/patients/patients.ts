import type { Patient } from '../../../common/domain/patient';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';

/** Enough to pick the right person: a picker shows the name, birth date and MRN. */
const SHOWN = 20;

/** Patients of an account's instance (Welkin), for compose's patient picker and filing received faxes. */
export class Patients {
  constructor(private readonly accounts: Accounts) {}

  /** By name, MRN, email or phone; an MRN typed whole is also looked up as one. */
  async search(accountId: string, text: string): Promise<Patient[]> {
    if (!this.accounts.capabilitiesOf(accountId).includes('assignToPatient')) {
      throw AppError.of('invalid_input', 'This account has no patients to file faxes to.');
    }
    const provider = await this.accounts.providerFor(accountId);
    const found = await provider.searchPatients?.(text.trim()) ?? [];
    return found.slice(0, SHOWN).map((patient) => ({
      id: patient.id,
      name: [patient.firstName, patient.lastName].filter(Boolean).join(' ') || patient.mrn || patient.id,
      ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
      ...(patient.mrn ? { mrn: patient.mrn } : {}),
    }));
  }
}
