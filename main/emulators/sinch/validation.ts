import { z } from 'zod';
import type { FieldViolation } from './errors';

/** One E.164 rule for the app and its emulators. */
export { E164_PATTERN as E164 } from '../../../common/domain/phone';

/** Form fields arrive as strings: accept `"true"`/`"false"` as well as JSON booleans. */
export const boolish = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());

export const intish = (min: number, max: number) => z.preprocess(
  (value) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value),
  z.number().int().min(min, { message: `must be at least ${min}` }).max(max, { message: `must be at most ${max}` }),
);

export const stringMap = z.record(z.string(), z.preprocess((value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value), z.string()));

/** zod issues → Sinch fieldViolations; the rejected value is quoted as Sinch does for numbers. */
export function issuesToViolations(issues: z.core.$ZodIssue[], input: unknown): FieldViolation[] {
  return issues.map((issue) => {
    const field = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('') || 'body';
    const value = valueAt(input, issue.path);
    const missing = value === undefined && issue.code === 'invalid_type';
    const shown = typeof value === 'string' ? `The (${value}) ` : '';
    return { field, description: missing ? `${field} is required` : `${shown}${shown ? issue.message : `${field} ${issue.message}`}` };
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
