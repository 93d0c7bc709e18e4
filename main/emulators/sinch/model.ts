/** In-memory records the emulator keeps. Wire forms are derived from them in wire.ts. */

export type FaxDirection = 'OUTBOUND' | 'INBOUND';
export type FaxStatus = 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILURE';
export type ErrorType = 'DOCUMENT_CONVERSION_ERROR' | 'CALL_ERROR' | 'FAX_ERROR' | 'FATAL_ERROR' | 'GENERAL_ERROR' | 'LINE_ERROR';
export type WebhookContentType = 'multipart/form-data' | 'application/json';

export interface FaxError {
  errorType: ErrorType;
  errorCode: number;
  errorMessage: string;
}

/** How an outbound fax will end, fixed when it is created (destination number, document). */
export type FaxScenario =
  | { kind: 'complete'; free: boolean }
  | { kind: 'conversionFailure'; error: FaxError }
  | { kind: 'callFailure'; error: FaxError; pagesSent: 'none' | 'allButLast'; retried: boolean }
  | { kind: 'hang' };

export interface StoredUpload {
  filename: string;
  contentType: string;
  fileType: string;
  bytes: number;
  sha256: string;
}

export interface FaxRecord {
  id: string;
  direction: FaxDirection;
  from?: string;
  to: string;
  projectId: string;
  serviceId: string;
  /** Virtual epoch ms (LifecycleClock). */
  createTime: number;
  pages: number;
  scenario: FaxScenario;
  headerText?: string;
  headerPageNumbers: boolean;
  headerTimeZone: string;
  retryDelaySeconds: number;
  maxRetries: number;
  labels?: Record<string, string>;
  callbackUrl?: string;
  callbackUrlContentType: WebhookContentType;
  imageConversionMethod: 'HALFTONE' | 'MONOCHROME';
  resolution?: 'FINE' | 'SUPERFINE';
  coverPageId?: string;
  coverPageData?: Record<string, string>;
  contentUrl?: string[];
  /** The converted PDF Sinch would store; undefined after DELETE /file or a conversion failure. */
  document?: Buffer;
  uploads: StoredUpload[];
  /** Set once the terminal webhook went out (or was not wanted). */
  webhookDone: boolean;
}

export interface ServiceRecord {
  id: string;
  projectId: string;
  name: string;
  incomingWebhookUrl?: string;
  webhookContentType: WebhookContentType;
  defaultForProject: boolean;
  defaultFrom?: string;
  numberOfRetries: number;
  retryDelaySeconds: number;
  imageConversionMethod: 'HALFTONE' | 'MONOCHROME';
  coverPageId?: string;
  saveOutboundFaxDocuments: boolean;
  saveInboundFaxDocuments: boolean;
  scanIncomingBarcodes: boolean;
  resolution: 'FINE' | 'SUPERFINE';
  numbers: string[];
  coverPages: Map<string, CoverPageRecord>;
  emails: Map<string, EmailRecord>;
}

export interface CoverPageRecord {
  id: string;
  name: string;
  fileContent: string;
  createdTime: number;
  updatedTime: number;
}

export type Permission = 'both' | 'send' | 'receive';

export interface EmailRecord {
  email: string;
  phoneNumbers: Array<{ number: string; permissions: Permission }>;
  createdAt: number;
  updatedAt: number;
}
