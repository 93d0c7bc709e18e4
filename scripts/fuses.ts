import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** A fuse's byte in the wire: ASCII '0' off, '1' on, 'r' removed (@electron/fuses' FuseState, which it does not export). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31, REMOVED: 0x72 } as const;

/**
 * Electron's fuses as Faxdesk ships them (issue 12): off, everything that lets someone start the
 * binary as plain Node or attach a debugger; on, cookie encryption and loading the app only from
 * its integrity-checked asar. electron-builder.yml's `electronFuses` must say the same.
 */
export const EXPECTED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

const WIRE_INDEX: Record<keyof typeof EXPECTED_FUSES, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** Each fuse of a binary that is not as Faxdesk ships it, one line each ([] = all as expected). */
export async function fuseMismatches(binary: string): Promise<string[]> {
  const wire = (await getCurrentFuseWire(binary)) as Record<number, number | undefined>;
  const said = (state: number | undefined) => (state === FuseState.ENABLE ? 'on' : state === FuseState.DISABLE ? 'off' : state === FuseState.REMOVED ? 'removed' : 'missing');
  return Object.entries(EXPECTED_FUSES).flatMap(([name, on]) => {
    const state = wire[WIRE_INDEX[name as keyof typeof EXPECTED_FUSES]];
    const expected = on ? FuseState.ENABLE : FuseState.DISABLE;
    return state === expected ? [] : [`${name} is ${said(state)}, expected ${on ? 'on' : 'off'}`];
  });
}

/** The Electron binaries `electron-builder --dir` leaves under release/ (the fuses live in each). */
export function packagedBinaries(root: string): string[] {
  return [
    join(root, 'release/linux-unpacked/faxdesk'),
    join(root, 'release/win-unpacked/Faxdesk.exe'),
    join(root, 'release/mac/Faxdesk.app'),
    join(root, 'release/mac-arm64/Faxdesk.app'),
  ].filter((path) => existsSync(path));
}
