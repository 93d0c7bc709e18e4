import { readFile, stat } from 'node:fs/promises';
import type { SinchSettings } from '../../../../common/domain/account';
import { E164_PATTERN } from '../../../../common/domain/phone';
import type { SinchClient, SinchEmailNumber, SinchPageQuery } from './sinchClient';
import { invalidInput } from './sinchErrors';
import {
  toCoverPage, toFaxService, toFaxToEmailAddress, toServiceNumber,
  type CoverPage, type FaxService, type FaxToEmailAddress, type ServiceNumber,
} from './sinchMapper';
import { SINCH_MAX_FILE_BYTES } from './sinchSendInput';
import type { SinchPage, SinchServiceRequest } from './sinchSchemas';

export interface Paged<T> {
  items: T[];
  page: number;
  totalPages: number;
  totalItems: number;
}

function mapPage<W, D>(page: SinchPage<W>, map: (wire: W) => D): Paged<D> {
  return { items: page.items.map(map), page: page.page, totalPages: page.totalPages, totalItems: page.totalItems };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string): void {
  if (!EMAIL_PATTERN.test(email)) throw invalidInput(`“${email}” is not an e-mail address.`);
}

function checkNumbers(numbers: SinchEmailNumber[]): void {
  if (numbers.length === 0) throw invalidInput('Choose at least one fax number for this address.');
  for (const entry of numbers) {
    if (!E164_PATTERN.test(entry.number)) throw invalidInput(`“${entry.number}” is not a valid fax number.`);
  }
}

/**
 * Sinch account administration behind the `services`, `serverCoverPages` and `faxToEmail`
 * capabilities. Cover pages and fax-to-email live under a service: the account's `serviceId`, else
 * the project's default service (looked up once).
 */
export class SinchAdmin {
  private defaultServiceId: Promise<string> | undefined;

  constructor(private readonly client: SinchClient, private readonly settings: SinchSettings) {}

  /** The service that scopes cover pages and fax-to-email when the caller names none. */
  async resolveServiceId(serviceId?: string): Promise<string> {
    if (serviceId) return serviceId;
    if (this.settings.serviceId) return this.settings.serviceId;
    this.defaultServiceId ??= this.findDefaultService().catch((error: unknown) => {
      this.defaultServiceId = undefined;
      throw error;
    });
    return this.defaultServiceId;
  }

  private async findDefaultService(): Promise<string> {
    let first: string | undefined;
    for await (const service of this.client.iterate((page) => this.client.listServices({ page, pageSize: 100 }))) {
      if (service.defaultForProject) return service.id;
      first ??= service.id;
    }
    if (first) return first;
    throw invalidInput('This Sinch project has no fax service. Create one in the Sinch dashboard.');
  }

  readonly services = {
    list: async (query?: SinchPageQuery): Promise<Paged<FaxService>> => mapPage(await this.client.listServices(query), toFaxService),
    get: async (serviceId: string): Promise<FaxService> => toFaxService(await this.client.getService(serviceId)),
    create: async (service: SinchServiceRequest): Promise<FaxService> => {
      if (service.name !== undefined && service.name.length > 60) throw invalidInput('A service name can have at most 60 characters.');
      return toFaxService(await this.client.createService(service));
    },
    update: async (serviceId: string, changes: SinchServiceRequest): Promise<FaxService> =>
      toFaxService(await this.client.updateService(serviceId, changes)),
    remove: (serviceId: string): Promise<void> => this.client.removeService(serviceId),
    numbers: async (serviceId?: string, query?: SinchPageQuery): Promise<Paged<ServiceNumber>> =>
      mapPage(await this.client.listServiceNumbers(await this.resolveServiceId(serviceId), query), toServiceNumber),
  };

  readonly coverPages = {
    /** Uploads a PDF cover page. Small by nature, and the API only takes it as base64 JSON. */
    add: async (name: string, pdfPath: string, serviceId?: string): Promise<CoverPage> => {
      if (!name.trim()) throw invalidInput('Give the cover page a name.');
      if (!pdfPath.toLowerCase().endsWith('.pdf')) throw invalidInput('A Sinch cover page must be a PDF.');
      const size = (await stat(pdfPath).catch(() => undefined))?.size;
      if (size === undefined) throw invalidInput('The cover page file could not be read.');
      if (size > SINCH_MAX_FILE_BYTES) throw invalidInput('The cover page is larger than 20 MB.');
      const pdf = await readFile(pdfPath);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw invalidInput('The cover page file is not a PDF.');
      return toCoverPage(await this.client.addCoverPage(await this.resolveServiceId(serviceId), name.trim(), pdf.toString('base64')));
    },
    list: async (serviceId?: string, query?: SinchPageQuery): Promise<Paged<CoverPage>> =>
      mapPage(await this.client.listCoverPages(await this.resolveServiceId(serviceId), query), toCoverPage),
    get: async (coverPageId: string, serviceId?: string): Promise<CoverPage> =>
      toCoverPage(await this.client.getCoverPage(await this.resolveServiceId(serviceId), coverPageId)),
    delete: async (coverPageId: string, serviceId?: string): Promise<void> =>
      this.client.deleteCoverPage(await this.resolveServiceId(serviceId), coverPageId),
  };

  readonly faxToEmail = {
    list: async (serviceId?: string, query?: SinchPageQuery): Promise<Paged<FaxToEmailAddress>> =>
      mapPage(await this.client.listEmails(await this.resolveServiceId(serviceId), query), toFaxToEmailAddress),
    add: async (email: string, numbers: SinchEmailNumber[], serviceId?: string): Promise<FaxToEmailAddress> => {
      checkEmail(email);
      checkNumbers(numbers);
      return toFaxToEmailAddress(await this.client.addEmail(await this.resolveServiceId(serviceId), email, numbers));
    },
    update: async (email: string, numbers: SinchEmailNumber[], serviceId?: string): Promise<FaxToEmailAddress> => {
      checkEmail(email);
      checkNumbers(numbers);
      return toFaxToEmailAddress(await this.client.updateEmail(await this.resolveServiceId(serviceId), email, numbers));
    },
    remove: async (email: string, serviceId?: string): Promise<void> =>
      this.client.removeEmail(await this.resolveServiceId(serviceId), email),
    numbersForEmail: async (email: string, serviceId?: string, query?: SinchPageQuery): Promise<Paged<ServiceNumber>> =>
      mapPage(await this.client.listNumbersForEmail(await this.resolveServiceId(serviceId), email, query), toServiceNumber),
    emailsForNumber: async (phoneNumber: string, serviceId?: string, query?: SinchPageQuery): Promise<Paged<string>> =>
      mapPage(await this.client.listEmailsForNumber(await this.resolveServiceId(serviceId), phoneNumber, query), (email) => email),
  };
}
