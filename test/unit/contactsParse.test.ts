import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContacts, type ParseContactsOutput } from '../../main/core/contacts/parseContacts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/contacts', name));
const parse = (name: string, bytes: Uint8Array = fixture(name), region = 'US') => parseContacts({ bytes, fileName: name, region });
/** Rows as the preview shows them (without the national digits worked out for the search index). */
const plain = (rows: Array<{ nationalDigits: string }>) => rows.map(({ nationalDigits: _digits, ...row }) => row);
const ok = (out: ParseContactsOutput) => {
  if (!out.ok) throw new Error(`expected a parsed file, got: ${out.message}`);
  return out;
};

describe('contacts import: CSV exports', () => {
  it('reads Outlook’s columns (First/Last Name, Company, Business Fax, Home Fax), national and 00 numbers, and says why rows are skipped', () => {
    const out = ok(parse('outlook.csv'));
    expect(out.notes).toContain('Read as an Outlook contacts export (CSV).');
    expect(plain(out.rows)).toEqual([
      { line: 2, name: 'Amelia Okafor', organisation: 'Riverside Cardiology', faxNumber: '+12015550140', notes: 'Referrals: cover page\nwith patient initials only', favourite: false },
      { line: 3, name: 'Jürgen Weiß', organisation: 'Praxis Weiß', faxNumber: '+493012345678', notes: '', favourite: false },
      { line: 5, name: '', organisation: 'Hudson Imaging', faxNumber: '+12015550160', notes: '', favourite: false },
    ]);
    expect(out.skipped).toEqual([
      { line: 4, label: 'Tom Baker', reason: 'No fax number (it has 2 phone numbers, none marked as fax)' },
      { line: 6, label: 'Broken Number', reason: expect.stringMatching(/“555-01” is not a complete fax number/) },
    ]);
  });

  it('reads Google’s older export: Phone N - Type "Work Fax", several values joined by :::, starred as favourite', () => {
    const out = ok(parse('google.csv'));
    expect(out.notes).toContain('Read as a Google Contacts export (CSV).');
    expect(out.rows.map((r) => [r.name, r.organisation, r.faxNumber, r.favourite])).toEqual([
      ['Li Wei 李伟', 'Eastside Pharmacy', '+12015550190', true],
      ['Fax Desk North', 'North Clinic', '+12015550199', false],
    ]);
    expect(out.skipped).toEqual([{ line: 3, label: 'Sofia Marín', reason: 'No fax number (it has 2 phone numbers, none marked as fax)' }]);
  });

  it('reads Google’s current export (First Name, Organization Name, Phone N - Label, a UTF-8 BOM)', () => {
    const out = ok(parse('google-2024.csv'));
    expect(plain(out.rows)).toEqual([{ line: 2, name: 'Priya Natarajan', organisation: 'Summit Orthopaedics', faxNumber: '+12015550112', notes: '', favourite: true }]);
    expect(out.skipped).toHaveLength(1);
  });

  it('reads national numbers in the office’s region', () => {
    const csv = new TextEncoder().encode('Name,Fax\r\nLondon office,020 7946 0000\r\n');
    expect(ok(parse('uk.csv', csv, 'GB')).rows[0]).toMatchObject({ faxNumber: '+442079460000', nationalDigits: '02079460000' });
    expect(ok(parse('uk.csv', csv, 'US')).skipped[0]!.reason).toMatch(/not a (complete|valid)/);
  });
});

describe('contacts import: vCard', () => {
  it('reads vCard 3.0: folded lines, UTF-8 names, several numbers with the work FAX chosen, 00 prefixes, cards without a fax skipped', () => {
    const out = ok(parse('contacts-3.0.vcf'));
    expect(out.format).toBe('vcard');
    expect(plain(out.rows)).toEqual([
      { line: 1, name: 'Dr. Chidi Okonkwo', organisation: 'Lagos Street Medical Group', faxNumber: '+12015550151',
        notes: 'Prefers faxes before noon. This note is long enough that the exporter folded it across two lines.', favourite: false },
      { line: 2, name: 'Märta Ångström', organisation: 'Göteborg Vårdcentral', faxNumber: '+46311234567', notes: '', favourite: false },
    ]);
    expect(out.skipped).toEqual([{ line: 3, label: 'Voice Only', reason: 'No fax number (it has a phone number, none marked as fax)' }]);
  });

  it('reads vCard 4.0: TYPE="fax,work" with tel: URIs, PREF, extensions dropped, CJK names', () => {
    const out = ok(parse('contacts-4.0.vcf'));
    expect(out.rows.map((r) => [r.name, r.organisation, r.faxNumber])).toEqual([
      ['Helena Kowalska', 'Warsaw Heart Centre', '+48221234567'],
      ['山田 太郎', '東京クリニック', '+81312345679'],
    ]);
  });

  it('reads Outlook’s vCard 2.1: bare TEL;WORK;FAX and quoted-printable names', () => {
    const out = ok(parse('outlook-2.1.vcf'));
    expect(out.rows.map((r) => [r.name, r.faxNumber])).toEqual([['John Smith', '+12015550170'], ['René Müller', '+41441234567']]);
  });

  it('skips a damaged card and keeps the others', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good\r\nTEL;TYPE=FAX:+12015550100\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad\r\nTEL;TYPE="fax:+1\r\nEND:VCARD\r\n';
    const out = ok(parse('mixed.vcf', new TextEncoder().encode(text)));
    expect(out.rows.map((r) => r.name)).toEqual(['Good']);
    expect(out.skipped).toEqual([{ line: 2, label: 'Bad', reason: expect.stringMatching(/could not be read/) }]);
  });
});

describe('contacts import: bad files', () => {
  it('decodes Windows-1252 (Latin-1) files and says so', () => {
    const out = ok(parse('latin1.csv'));
    expect(out.notes[0]).toMatch(/not UTF-8; it was read as Western European \(Windows-1252, Latin-1\)/);
    expect(out.rows.map((r) => [r.name, r.organisation])).toEqual([['José Núñez', 'Café Médical'], ['François Côté', 'Clinique Côté']]);
  });

  it('decodes Outlook’s UTF-16 “Unicode” export (tab-separated, with and without a BOM) and says so', () => {
    const out = ok(parse('outlook-unicode.txt'));
    expect(out.notes[0]).toMatch(/UTF-16/);
    expect(out.rows.map((r) => [r.name, r.faxNumber])).toEqual([['Zoë Åström', '+46812345678'], ['Marek Dvořák', '+420212345678']]);
    const withoutBom = fixture('outlook-unicode.txt').subarray(2);
    expect(ok(parse('no-bom.txt', withoutBom)).rows).toHaveLength(2);
  });

  it('refuses an empty file, a header without rows, a CSV without a fax column and a binary file, in words', () => {
    expect(parse('empty.csv')).toEqual({ ok: false, message: 'The file is empty.', nextStep: expect.any(String) });
    expect(parse('header-only.csv')).toMatchObject({ ok: false, message: 'The file has a header but no contacts.' });
    expect(parse('no-fax-column.csv')).toMatchObject({ ok: false, message: 'No column for fax numbers was found in this CSV file.' });
    const binary = Uint8Array.from({ length: 2_000 }, (_v, i) => (i * 7) % 256);
    expect(parse('photo.jpg', binary)).toMatchObject({ ok: false, message: expect.stringMatching(/not (text|a contacts export)|not UTF-8|No column/) });
  });

  it('reads 10,000 rows, skipping the ones without a fax number with a reason each', () => {
    const lines = ['First Name,Last Name,Company,Business Fax,Business Phone'];
    for (let i = 0; i < 10_000; i += 1) {
      const fax = i % 10 === 9 ? '' : `+1 201 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`;
      lines.push(`Person,${i},Clinic ${i % 50},${fax},+1 201 555 0100`);
    }
    const out = ok(parse('big.csv', new TextEncoder().encode(lines.join('\r\n'))));
    expect(out.rows).toHaveLength(9_000);
    expect(out.skipped).toHaveLength(1_000);
    expect(out.skipped[0]).toEqual({ line: 11, label: 'Person 9', reason: 'No fax number (it has a phone number, none marked as fax)' });
  });
});
