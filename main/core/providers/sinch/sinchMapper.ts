import type { RemoteDirection, RemoteFax, RemoteStatus } from '../faxProvider';
import type { SinchFaxQuery } from './sinchClient';
import { faxFailure } from '../faxFailure';
import { sinchFailureCode } from './sinchFailureCodes';
import type { SinchCoverPage, SinchEmail, SinchFax, SinchService, SinchServiceNumber } from './sinchSchemas';

/** Sinch-only records the settings screens show (services, numbers, cover pages, fax-to-email). */
export interface FaxService {
  id: string;
  name: string;
  isDefault: boolean;
  defaultFrom?: string;
  numberOfRetries?: number;
  retryDelaySeconds?: number;
  coverPageId?: string;
  resolution?: string;
  incomingWebhookUrl?: string;
  saveInboundFaxDocuments?: boolean;
  saveOutboundFaxDocuments?: boolean;
}

export interface ServiceNumber {
  number: string;
  serviceId?: string;
  permissions?: string;
}

export interface CoverPage {
  id: string;
  name: string;
  serviceId?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface FaxToEmailAddress {
  email: string;
  numbers: Array<{ number: string; permissions: string }>;
  createdAt?: string;
  updatedAt?: string;
}

export function toDirection(direction: string): RemoteDirection {
  return direction.toUpperCase() === 'INBOUND' ? 'inbound' : 'outbound';
}

/** COMPLETED means "sent" for outbound faxes and "received" for inbound ones. */
export function toStatus(status: string, direction: RemoteDirection): RemoteStatus {
  switch (status.toUpperCase()) {
    case 'QUEUED': return 'queued';
    case 'IN_PROGRESS': return 'sending';
    case 'COMPLETED': return direction === 'inbound' ? 'received' : 'sent';
    case 'FAILURE': return 'failed';
    // An unknown new status is still in flight as far as we can tell.
    default: return 'sending';
  }
}

/** The reverse, for list filters. `draft` has no Sinch equivalent and matches nothing. */
export function toSinchFilter(status: RemoteStatus | undefined, direction: RemoteDirection | undefined):
  Pick<SinchFaxQuery, 'status' | 'direction'> | 'matches-nothing' {
  const sinchDirection = direction === 'inbound' ? 'INBOUND' : direction === 'outbound' ? 'OUTBOUND' : undefined;
  switch (status) {
    case undefined: return { direction: sinchDirection };
    case 'draft': return 'matches-nothing';
    case 'queued': return { status: 'QUEUED', direction: sinchDirection };
    case 'sending': return { status: 'IN_PROGRESS', direction: sinchDirection };
    case 'failed': return { status: 'FAILURE', direction: sinchDirection };
    case 'sent':
      return direction === 'inbound' ? 'matches-nothing' : { status: 'COMPLETED', direction: 'OUTBOUND' };
    case 'received':
      return direction === 'outbound' ? 'matches-nothing' : { status: 'COMPLETED', direction: 'INBOUND' };
  }
}

function defined<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

export function toRemoteFax(fax: SinchFax): RemoteFax {
  const direction = toDirection(fax.direction);
  const status = toStatus(fax.status, direction);
  const pages = defined(fax.numberOfPages);
  const pagesSent = defined(fax.pagesSentSuccessfully);
  const failed = status === 'failed';
  return {
    id: fax.id,
    direction,
    status,
    from: defined(fax.from),
    to: defined(fax.to),
    pages,
    pagesSent,
    createdAt: fax.createTime,
    completedAt: defined(fax.completedTime),
    failure: failed
      ? faxFailure(sinchFailureCode(fax.errorType, fax.errorCode), pagesSent, 'sinch', [fax.errorType, fax.errorCode, fax.errorMessage].filter((part) => part != null && part !== '').join(' '))
      : undefined,
    hasFile: fax.hasFile === true || fax.hasFile === 'true',
    ...(fax.price ? { price: { amount: String(fax.price.amount), currency: fax.price.currencyCode } } : {}),
    labels: fax.labels ?? undefined,
  };
}

export function toFaxService(service: SinchService): FaxService {
  return {
    id: service.id,
    name: service.name ?? '',
    isDefault: service.defaultForProject ?? false,
    defaultFrom: defined(service.defaultFrom),
    numberOfRetries: defined(service.numberOfRetries),
    retryDelaySeconds: defined(service.retryDelaySeconds),
    coverPageId: defined(service.coverPageId),
    resolution: defined(service.resolution),
    incomingWebhookUrl: defined(service.incomingWebhookUrl),
    saveInboundFaxDocuments: defined(service.saveInboundFaxDocuments),
    saveOutboundFaxDocuments: defined(service.saveOutboundFaxDocuments),
  };
}

export function toServiceNumber(number: SinchServiceNumber): ServiceNumber {
  return {
    number: number.phoneNumber ?? number.number ?? '',
    serviceId: defined(number.serviceId),
    permissions: defined(number.permissions),
  };
}

export function toCoverPage(page: SinchCoverPage): CoverPage {
  return {
    id: page.id,
    name: page.name ?? '',
    serviceId: defined(page.serviceId),
    createdAt: defined(page.createdTime),
    updatedAt: defined(page.updatedTime),
  };
}

export function toFaxToEmailAddress(email: SinchEmail): FaxToEmailAddress {
  return {
    email: email.email,
    numbers: (email.phoneNumbers ?? []).map((entry) => ({ number: entry.number, permissions: entry.permissions ?? 'both' })),
    createdAt: defined(email.createdAt),
    updatedAt: defined(email.updatedAt),
  };
}

/** Sinch filters take instants to the second (`2024-02-01T14:00:00Z`, §5.2). */
export function toSinchInstant(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
