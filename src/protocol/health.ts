import { z } from 'zod';

export const StoreKind = z.enum(['pglite', 'postgres']);
export type StoreKind = z.infer<typeof StoreKind>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  protocol: z.number().int(),
  store: StoreKind,
});
export type HealthResponse = z.infer<typeof HealthResponse>;
