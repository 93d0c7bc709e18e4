import { z } from 'zod';

/**
 * Where Faxdesk stands with updates (issue 12). `off` until a feed address is set in Settings;
 * `ready`: downloaded in the background, installed when Faxdesk quits.
 */
export const UpdateStatusSchema = z.object({
  state: z.enum(['off', 'unavailable', 'checking', 'current', 'downloading', 'ready', 'failed']),
  /** The version on offer (downloading, ready). */
  version: z.string().max(64).optional(),
  /** One sentence for the window. */
  message: z.string().max(500),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;
