import { describe, expect, it } from 'vitest';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { inboxSoak } from '../support/inboxSoak';

/**
 * A scaled-down inbox soak (bench/inboxSoak runs 2,000 faxes): faxes arrive at both providers over
 * time while a fifth of API calls fail, and the core is SIGKILLed and restarted twice. Afterwards
 * the store holds exactly the emulators' received faxes — none missing, none twice — and every
 * document's SHA-256 matches.
 */
const sinch = useSinchEmulator({ speed: 1 });
const welkin = useWelkinEmulator({ speed: 1 });

describe('inbox fault and kill soak (scaled down)', () => {
  it('240 faxes, 20% faults, two SIGKILLs: store == emulators, documents intact', async () => {
    const report = await inboxSoak({ sinch, welkin, perProvider: 120, arrivalMs: 12_000, killsAtMs: [4_000, 9_000] });
    console.log(`inbox soak: ${JSON.stringify(report)}`);
    expect(report.arrived).toBe(240);
    expect(report).toMatchObject({ stored: 240, missing: 0, duplicates: 0, badDocuments: 0, kills: 2 });
  }, 180_000);
});
