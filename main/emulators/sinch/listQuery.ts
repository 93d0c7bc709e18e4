import { invalid, type FieldViolation } from './errors';
import type { FaxRecord } from './model';
import { deriveState } from './lifecycle';
import { iso } from './wire';

export type RawQuery = Array<[string, string]>;

export function queryValue(query: RawQuery, key: string): string | undefined {
  return query.find(([name]) => name === key)?.[1];
}

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/**
 * Sinch's PAGE3 envelope: `{<dataKey>, page, pageSize, totalItems, totalPages}`, 1-based pages.
 * `pageNumber` repeats `page` for SDKs from before Feb 2026 (reference §16.1).
 */
export function paginate<T>(items: T[], query: RawQuery, dataKey: string): Record<string, unknown> {
  const violations: FieldViolation[] = [];
  const pageSize = intParam(queryValue(query, 'pageSize'), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'pageSize', violations);
  const page = intParam(queryValue(query, 'page'), 1, 1, Number.MAX_SAFE_INTEGER, 'page', violations);
  if (violations.length > 0) throw invalid(violations);
  const start = (page - 1) * pageSize;
  return {
    [dataKey]: items.slice(start, start + pageSize),
    page,
    pageNumber: page,
    pageSize,
    totalItems: items.length,
    totalPages: Math.ceil(items.length / pageSize),
  };
}

function intParam(raw: string | undefined, fallback: number, min: number, max: number, field: string, violations: FieldViolation[]): number {
  if (raw === undefined || raw === '') return fallback;
  // The SDK types `page` as a string and has been seen to quote it; tolerate `"2"`.
  const value = Number(raw.replace(/^"|"$/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    violations.push({ field, description: `The (${raw}) must be an integer from ${min} to ${max}` });
    return fallback;
  }
  return value;
}

export interface FaxListOptions {
  /** Sinch lists only the prior week when no createTime filter is given; off by default here. */
  priorWeekDefaultWindow: boolean;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

/** A createTime bound in the stored form (`YYYY-MM-DDTHH:MM:SSZ`) or a shorter prefix of it. */
function normaliseTime(raw: string, field: string): string {
  const value = raw.trim();
  if (PARTIAL_DATE.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalid([{ field, description: `The (${raw}) is not a valid date` }]);
  return iso(ms);
}

/**
 * Filters of reference §5.2. `to`/`from` are prefix matches on raw values (a `+` stays a `+`; a
 * leading space from a form decoder upstream is read back as `+`). Range bounds are inclusive.
 */
export function filterFaxes(faxes: FaxRecord[], query: RawQuery, now: number, options: FaxListOptions): FaxRecord[] {
  const get = (key: string) => queryValue(query, key);
  const direction = get('direction');
  const status = get('status');
  const serviceId = get('serviceId');
  const to = fixPlus(get('to'));
  const from = fixPlus(get('from'));
  const day = get('createTime');
  const after = get('createTime>') ?? get('createTime>=');
  const before = get('createTime<') ?? get('createTime<=');
  const violations: FieldViolation[] = [];
  if (direction && !['OUTBOUND', 'INBOUND'].includes(direction)) violations.push({ field: 'direction', description: `The (${direction}) is not one of OUTBOUND, INBOUND` });
  if (status && !['QUEUED', 'IN_PROGRESS', 'COMPLETED', 'FAILURE'].includes(status)) {
    violations.push({ field: 'status', description: `The (${status}) is not one of QUEUED, IN_PROGRESS, COMPLETED, FAILURE` });
  }
  if (violations.length > 0) throw invalid(violations);
  const lower = after ? normaliseTime(after, 'createTime>') : undefined;
  const upper = before ? normaliseTime(before, 'createTime<') : undefined;
  const exact = day ? normaliseTime(day, 'createTime') : undefined;
  const windowStart = options.priorWeekDefaultWindow && !day && !after && !before ? iso(now - 7 * 86_400_000) : undefined;
  return faxes.filter((fax) => {
    const created = iso(fax.createTime);
    if (direction && fax.direction !== direction) return false;
    if (serviceId && fax.serviceId !== serviceId) return false;
    if (to !== undefined && !fax.to.startsWith(to)) return false;
    if (from !== undefined && !(fax.from ?? '').startsWith(from)) return false;
    if (exact && !matchesCreateTime(created, exact)) return false;
    if (lower && created.slice(0, lower.length) < lower) return false;
    if (upper && created.slice(0, upper.length) > upper) return false;
    if (windowStart && created < windowStart) return false;
    if (status && deriveState(fax, now).status !== status) return false;
    return true;
  });
}

/** `2021`, `2021-02`, `2021-02-01` match by prefix; an instant means "that day, from that time on". */
function matchesCreateTime(created: string, value: string): boolean {
  if (value.length <= 10) return created.startsWith(value);
  return created.startsWith(value.slice(0, 10)) && created.slice(0, value.length) >= value;
}

function fixPlus(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(/^ /, '+');
}
