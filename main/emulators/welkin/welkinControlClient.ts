import { EmulatorControlClient } from '../shared/controlClient';
import type { WelkinFaxDump } from './app';
import type { WelkinAccessRequest, WelkinAccessState, WelkinCompleteRequest, WelkinLifecycleRequest } from './control';
import type { LifecycleSettings, WelkinFaxWire } from './lifecycle';

/** The shared control API plus the Welkin emulator's own routes (see its README). */
export class WelkinControlClient extends EmulatorControlClient<WelkinFaxDump, WelkinFaxWire> {
  /** Ends a PROCESSING fax now with `outcome`; answers the fax as the API would. */
  complete(faxId: string, request: WelkinCompleteRequest): Promise<WelkinFaxWire> {
    return this.call('POST', `/faxes/${encodeURIComponent(faxId)}/complete`, request);
  }

  async expireTokens(): Promise<void> {
    await this.call('POST', '/expire-tokens', {});
  }

  /** Lifetime of tokens issued from now on. */
  async tokenTtl(seconds: number): Promise<void> {
    await this.call('POST', '/token-ttl', { seconds });
  }

  /** How long PROCESSING lasts and how numbers without a scripted outcome end. */
  lifecycle(request: WelkinLifecycleRequest): Promise<LifecycleSettings> {
    return this.call('POST', '/lifecycle', request);
  }

  /** Takes fax permission (or the whole client) away from the demo API client, or gives it back. */
  access(request: WelkinAccessRequest): Promise<WelkinAccessState> {
    return this.call('POST', '/access', request);
  }
}
