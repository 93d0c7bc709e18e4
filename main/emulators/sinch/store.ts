import { SINCH_DEMO_NUMBER } from './constants';
import { notFound } from './errors';
import { ulid } from './ids';
import type { FaxRecord, ServiceRecord } from './model';

/** Everything one emulated Sinch project holds. Plain maps: the emulator is in-memory by design. */
export class SinchStore {
  readonly faxes = new Map<string, FaxRecord>();
  readonly services = new Map<string, ServiceRecord>();
  /** Stable across resets, so a client that cached it (or a test) keeps working. */
  private readonly defaultServiceId: string;

  constructor(readonly projectId: string, private readonly now: () => number) {
    this.defaultServiceId = ulid(now());
    this.seed();
  }

  reset(): void {
    this.faxes.clear();
    this.services.clear();
    this.seed();
  }

  newService(fields: Partial<ServiceRecord> = {}): ServiceRecord {
    const service: ServiceRecord = {
      id: ulid(this.now()),
      projectId: this.projectId,
      name: 'Fax service',
      webhookContentType: 'multipart/form-data',
      defaultForProject: false,
      numberOfRetries: 3,
      retryDelaySeconds: 60,
      imageConversionMethod: 'HALFTONE',
      saveOutboundFaxDocuments: true,
      saveInboundFaxDocuments: true,
      scanIncomingBarcodes: false,
      resolution: 'FINE',
      numbers: [],
      coverPages: new Map(),
      emails: new Map(),
      ...fields,
    };
    if (service.defaultForProject) this.makeDefault(service);
    this.services.set(service.id, service);
    return service;
  }

  /** Exactly one service is the project default; setting a new one clears the old flag. */
  makeDefault(service: ServiceRecord): void {
    for (const other of this.services.values()) other.defaultForProject = false;
    service.defaultForProject = true;
  }

  defaultService(): ServiceRecord | undefined {
    return [...this.services.values()].find((service) => service.defaultForProject) ?? this.services.values().next().value;
  }

  service(id: string): ServiceRecord {
    const service = this.services.get(id);
    if (!service) throw notFound(`Service ${id}`);
    return service;
  }

  fax(id: string): FaxRecord {
    const fax = this.faxes.get(id);
    if (!fax) throw notFound(`Fax ${id}`);
    return fax;
  }

  /** The service that owns a number (inbound routing), else the default one. */
  serviceForNumber(number: string): ServiceRecord | undefined {
    return [...this.services.values()].find((service) => service.numbers.includes(number)) ?? this.defaultService();
  }

  private seed(): void {
    this.newService({ id: this.defaultServiceId, name: 'Default service', defaultForProject: true, defaultFrom: SINCH_DEMO_NUMBER, numbers: [SINCH_DEMO_NUMBER] });
  }
}
