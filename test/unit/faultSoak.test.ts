import { describe, expect, it } from 'vitest';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { faultSoak } from '../support/faultSoak';

/**
 * A scaled-down fault soak (bench/faultSoak runs 300 sends): a fifth of every API call fails in
 * one of five ways while faxes go out through both providers. Nothing is sent twice, nothing is
 * left hanging.
 */
const sinch = useSinchEmulator({ speed: 50 });
const welkin = useWelkinEmulator({ speed: 50 });

describe('fault soak (scaled down)', () => {
  it('30 sends with 20% injected faults: no duplicate at the providers, every fax sent, failed or uncertain', async () => {
    const report = await faultSoak({ url: sinch.url, control: sinch.control }, { url: welkin.url, control: welkin.control }, 30);
    console.log(`fault soak: ${JSON.stringify(report)}`);
    expect(report.duplicates).toBe(0);
    expect(report.unsettled).toBe(0);
    expect(Object.values(report.states).reduce((a, b) => a + b, 0)).toBe(30);
    expect(report.states.sent ?? 0).toBeGreaterThan(0);
  }, 150_000);
});
