import { EmulatorControlClient } from '../shared/controlClient';
import type { SinchTestNumber } from './constants';
import type { SinchNumberRequest, SinchOptionsRequest, SinchOptionsState } from './sinchApp';
import type { WebhookDelivery } from './webhooks';
import type { SinchControlFax, SinchWireFax } from './wire';

/** The shared control API plus the Sinch emulator's own routes (see its README). */
export class SinchControlClient extends EmulatorControlClient<SinchControlFax, SinchWireFax> {
  /** Makes every token issued so far answer 401 "Jwt expired"; answers how many there were. */
  async expireTokens(): Promise<number> {
    return (await this.call<{ expired: number }>('POST', '/expire-tokens', {})).expired;
  }

  options(options: SinchOptionsRequest): Promise<SinchOptionsState> {
    return this.call('POST', '/options', options);
  }

  /** Gives a phone number to a service, so inbound faxes to it land there. */
  addNumber(request: SinchNumberRequest): Promise<{ phoneNumber: string; serviceId: string }> {
    return this.call('POST', '/numbers', request);
  }

  async webhooks(): Promise<WebhookDelivery[]> {
    return (await this.call<{ deliveries: WebhookDelivery[] }>('GET', '/webhooks')).deliveries;
  }

  async testNumbers(): Promise<SinchTestNumber[]> {
    return (await this.call<{ numbers: SinchTestNumber[] }>('GET', '/test-numbers')).numbers;
  }
}
