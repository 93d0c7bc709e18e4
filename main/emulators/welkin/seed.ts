/** Demo fixtures: patients and document types every fresh (or reset) emulator starts with. */

export interface WelkinPatient {
  id: string;
  externalGuid: string | null;
  externalId: string | null;
  mrn: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  createdByName: string;
  updatedByName: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: string;
  maritalStatus: string;
  primaryLanguage: string;
  secondaryLanguage: string | null;
  email: string | null;
  secondaryEmail: string | null;
  phone: string | null;
  secondaryPhone: string | null;
  country: string;
  state: string | null;
  city: string | null;
  zip: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  timezone: string;
  patientTerritories: unknown[];
  careTeamMembers: unknown[];
  patientPrograms: unknown[];
  careTeam: unknown[];
  cadence: unknown[];
  patientRegion: string | null;
  patientRegionTitle: string | null;
  patientTerritory: string | null;
  pointOfContact: string | null;
  accessCode: string | null;
  primaryPhoneCapabilities: string[];
  secondaryPhoneCapabilities: string[];
}

export interface WelkinDocumentType {
  id: string;
  name: string;
  title: string;
  label: string | null;
  version: number;
  internal: boolean;
  readable: boolean;
  updatable: boolean;
  type: 'MULTI_RECORD';
  relation: 'DOCUMENT_TYPE';
  fields: Array<{ name: string; type: string; title: string; meta: { required: boolean } }>;
  _containsPHI: boolean;
}

const SEEDED_AT = '2026-01-05T15:04:05.123Z';
const SEEDER = { id: 'b1f0c3e2-6a0b-4c8e-9d1e-2f3a4b5c6d7e', name: 'Demo Admin' };

interface PatientSeed {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  email: string;
  phone: string;
  state: string;
  city: string;
  mrn: string;
}

const PATIENT_SEEDS: PatientSeed[] = [
  { id: '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25', firstName: 'Ada', lastName: 'Lovelace', birthDate: '1985-12-10', gender: 'FEMALE', email: 'ada.lovelace@example.com', phone: '+15555550101', state: 'NY', city: 'New York', mrn: 'MRN-1001' },
  { id: '4b7d2e91-8f3c-4a6b-b2d5-9e0f1a2b3c40', firstName: 'Grace', lastName: 'Hopper', birthDate: '1976-12-09', gender: 'FEMALE', email: 'grace.hopper@example.com', phone: '+15555550102', state: 'VA', city: 'Arlington', mrn: 'MRN-1002' },
  { id: '5c8e3f02-9a4d-4b7c-83e6-0f1a2b3c4d51', firstName: 'Alan', lastName: 'Turing', birthDate: '1962-06-23', gender: 'MALE', email: 'alan.turing@example.com', phone: '+15555550103', state: 'MA', city: 'Boston', mrn: 'MRN-1003' },
  { id: '6d9f4013-ab5e-4c8d-94f7-1a2b3c4d5e62', firstName: 'Katherine', lastName: 'Johnson', birthDate: '1958-08-26', gender: 'FEMALE', email: 'k.johnson@example.com', phone: '+15555550104', state: 'WV', city: 'White Sulphur Springs', mrn: 'MRN-1004' },
  { id: '7ea05124-bc6f-4d9e-a508-2b3c4d5e6f73', firstName: 'Edsger', lastName: 'Dijkstra', birthDate: '1970-05-11', gender: 'MALE', email: 'edsger.d@example.com', phone: '+15555550105', state: 'TX', city: 'Austin', mrn: 'MRN-1005' },
  { id: '8fb16235-cd70-4eaf-b619-3c4d5e6f7084', firstName: 'Barbara', lastName: 'Liskov', birthDate: '1979-11-07', gender: 'FEMALE', email: 'b.liskov@example.com', phone: '+15555550106', state: 'CA', city: 'Los Angeles', mrn: 'MRN-1006' },
];

export function seedPatients(): WelkinPatient[] {
  return PATIENT_SEEDS.map((seed, index) => ({
    id: seed.id,
    externalGuid: null,
    externalId: `EXT-${1001 + index}`,
    mrn: seed.mrn,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    createdBy: SEEDER.id,
    updatedBy: SEEDER.id,
    createdByName: SEEDER.name,
    updatedByName: SEEDER.name,
    firstName: seed.firstName,
    lastName: seed.lastName,
    middleName: null,
    birthDate: seed.birthDate,
    gender: seed.gender,
    maritalStatus: 'UKN',
    primaryLanguage: 'ENGLISH',
    secondaryLanguage: null,
    email: seed.email,
    secondaryEmail: null,
    phone: seed.phone,
    secondaryPhone: null,
    country: 'US',
    state: seed.state,
    city: seed.city,
    zip: null,
    addressLine1: null,
    addressLine2: null,
    timezone: 'America/New_York',
    patientTerritories: [],
    careTeamMembers: [],
    patientPrograms: [],
    careTeam: [],
    cadence: [],
    patientRegion: null,
    patientRegionTitle: null,
    patientTerritory: null,
    pointOfContact: null,
    accessCode: null,
    primaryPhoneCapabilities: ['SMS', 'VOICE'],
    secondaryPhoneCapabilities: [],
  }));
}

const NOTES_FIELD = { name: 'notes', type: 'text', title: 'Notes', meta: { required: false } };

/** The three defaults every Welkin instance has, plus two customer-defined ones ([SLATE][LM-CAS]). */
export function seedDocumentTypes(): WelkinDocumentType[] {
  const make = (id: string, name: string, title: string, label: string | null, internal: boolean, version: number): WelkinDocumentType => ({
    id, name, title, label, version, internal, readable: true, updatable: true, type: 'MULTI_RECORD', relation: 'DOCUMENT_TYPE',
    fields: [{ ...NOTES_FIELD }], _containsPHI: true,
  });
  return [
    make('0a6e1c7d-2f4b-4e8a-9c3d-5b7f9e1a3c01', 'doc-type-assessment', 'Assessment', 'Assessment', true, 12),
    make('1b7f2d8e-3a5c-4f9b-8d4e-6c8a0f2b4d02', 'doc-type-docusign', 'Docusign', 'Docusign', true, 9),
    make('19b62276-8b19-4662-aa95-a1c65ce8dfe6', 'doc-type-others', 'Others', 'Others', true, 75),
    make('2c803e9f-4b6d-4a0c-9e5f-7d9b1a3c5e03', 'dt-insurance-card', 'Insurance Card', null, false, 3),
    make('3d914fa0-5c7e-4b1d-8f60-8e0c2b4d6f04', 'medical-records', 'Medical Records', 'Medical Records', false, 5),
  ];
}
