import { z } from 'zod';

export const WELKIN_DEFAULT_BASE_URL = 'https://api.live.welkincloud.io';

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || LOOPBACK_V4.test(host);
}

/** https everywhere; plain http only to this computer (the emulators, a local proxy), where nothing crosses a network. */
export function isAllowedServiceUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

export const SERVICE_URL_MESSAGE = 'Use an https:// address. http:// is accepted only for this computer (127.0.0.1, localhost).';

/** A provider's API or token address: the secret travels to it, so it must be https or this computer. */
export const ServiceUrlSchema = z.url({ protocol: /^https?$/ }).refine(isAllowedServiceUrl, SERVICE_URL_MESSAGE);

/** The fields that decide where an account's requests — and so its secret — go. */
export interface AddressFields {
  provider: 'sinch' | 'welkin';
  region?: string;
  baseUrl?: string;
  authUrl?: string;
}

function normalUrl(value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') return '';
  try {
    return new URL(text).href;
  } catch {
    return text;
  }
}

/**
 * One string for "where this account talks to". A stored secret is only ever sent where it was
 * entered for: when this changes, the secret has to be entered again (core and form use it alike).
 */
export function serviceAddress(fields: AddressFields): string {
  if (fields.provider === 'welkin') return `welkin ${normalUrl(fields.baseUrl || WELKIN_DEFAULT_BASE_URL)}`;
  return `sinch ${fields.region || 'global'} ${normalUrl(fields.baseUrl)} ${normalUrl(fields.authUrl)}`;
}
