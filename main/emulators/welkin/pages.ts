import { validationError } from './errors';

/** Query paging as Welkin's Spring endpoints take it: `page` (0-based), `size`, `sort`, `direction`. */
export interface PageRequest {
  page: number;
  size: number;
  /** Absent when the caller did not ask for a sort. */
  sortField: string | undefined;
  descending: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;
/** Size cap (reference U20: 1000 observed accepted on admin/users). */
export const MAX_PAGE_SIZE = 1000;

function intParam(params: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw validationError(`Parameter '${name}' must be an integer`, { [name]: raw }, 'GENERAL');
  const value = Number(raw);
  if (value < min) throw validationError(`Parameter '${name}' must be at least ${min}`, { [name]: raw }, 'GENERAL');
  return value;
}

/**
 * Parses paging. Accepts both `sort=field,desc` (Spring) and `sort=field&direction=DESC` (fax seed);
 * an explicit `direction` wins. Sizes above the cap are clamped, negative values are 400 (U20).
 */
export function parsePageRequest(params: URLSearchParams, defaultDescending = false): PageRequest {
  const page = intParam(params, 'page', 0, 0);
  const size = Math.min(intParam(params, 'size', DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const [field, inlineDirection] = (params.get('sort') ?? '').split(',').map((part) => part.trim());
  const direction = (params.get('direction') ?? inlineDirection ?? '').toUpperCase();
  if (direction && direction !== 'ASC' && direction !== 'DESC') {
    throw validationError("Parameter 'direction' must be ASC or DESC", { direction }, 'GENERAL');
  }
  return { page, size, sortField: field || undefined, descending: direction ? direction === 'DESC' : defaultDescending };
}

export interface SpringSort {
  sorted: boolean;
  unsorted: boolean;
  empty: boolean;
}

export interface SpringPage<T> {
  content: T[];
  pageable: { sort: SpringSort; pageNumber: number; pageSize: number; offset: number; paged: true; unpaged: false };
  last: boolean;
  totalElements: number;
  totalPages: number;
  sort: SpringSort;
  first: boolean;
  number: number;
  numberOfElements: number;
  size: number;
  empty: boolean;
}

/** Slices an already sorted list into the Spring Page envelope (reference §3.4 #1), field for field. */
export function springPage<T>(items: T[], request: PageRequest, sorted: boolean): SpringPage<T> {
  const offset = request.page * request.size;
  const content = items.slice(offset, offset + request.size);
  const totalPages = Math.ceil(items.length / request.size);
  const sort: SpringSort = { sorted, unsorted: !sorted, empty: !sorted };
  return {
    content,
    pageable: { sort, pageNumber: request.page, pageSize: request.size, offset, paged: true, unpaged: false },
    last: request.page >= totalPages - 1,
    totalElements: items.length,
    totalPages,
    sort: { ...sort },
    first: request.page === 0,
    number: request.page,
    numberOfElements: content.length,
    size: request.size,
    empty: content.length === 0,
  };
}

/** Compares two values of a sort field: nulls last, strings case-insensitively. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}
