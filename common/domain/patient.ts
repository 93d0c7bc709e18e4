import { z } from 'zod';

/** A patient of a Welkin instance, as a picker shows them and a fax names them. */
export const PatientSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(300),
  birthDate: z.string().max(40).optional(),
  mrn: z.string().max(100).optional(),
});
export type Patient = z.infer<typeof PatientSchema>;
