import { z } from 'zod';

/** One enrolled device as the administrator's device list shows it (no token, no data). */
export const DeviceSummary = z.object({
  id: z.uuid(),
  /** What the browser called itself at sign-in (never personal data). */
  label: z.string().nullable(),
  user: z.object({ name: z.string(), username: z.string() }),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  wipeRequestedAt: z.string().nullable(),
  wipedAt: z.string().nullable(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

export const DeviceList = z.array(DeviceSummary);
