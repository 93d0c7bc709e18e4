import { describe, expect, it } from 'vitest';
import { tagColourIndex } from './tagColour';

describe('tag colours', () => {
  it('a tag keeps its colour whatever its case; tags spread over the eight colours', () => {
    expect(tagColourIndex('Urgent')).toBe(tagColourIndex('urgent'));
    const used = new Set(['urgent', 'lab', 'referral', 'billing', 'legal-hold', 'follow-up', 'imaging', 'records', 'insurance', 'pharmacy', 'cardiology', 'to-file'].map(tagColourIndex));
    expect(used.size).toBeGreaterThanOrEqual(5);
    for (const i of used) expect(i >= 0 && i < 8).toBe(true);
  });
});
