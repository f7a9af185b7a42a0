import { z } from 'zod';
import { AuditEntry } from '../../protocol/audit.ts';
import { DeviceList } from '../../protocol/devices.ts';
import { MunicipalitySettings, type SettingsUpdate } from '../../protocol/settings.ts';
import {
  type NewUserRequest,
  NewUserResponse,
  UserList,
  type UserUpdate,
  UserUpdateResponse,
} from '../../protocol/users.ts';
import { apiRequest, apiResponse } from '../net/api.ts';

/**
 * The administrator's calls: the municipality's settings, users, devices and audit trail. All need
 * the network (they act on the server); the screens say so when it is not there.
 */
export const getSettings = (token: string) => apiRequest('settings', MunicipalitySettings, { token });

export const saveSettings = (token: string, update: SettingsUpdate) =>
  apiRequest('settings', MunicipalitySettings, { method: 'PUT', body: update, token });

export const listDevices = (token: string) => apiRequest('devices', DeviceList, { token });

const NoContent = z.unknown();
export const revokeDevice = (token: string, deviceId: string) =>
  apiRequest(`devices/${deviceId}/revoke`, NoContent, { method: 'POST', token });
export const orderWipe = (token: string, deviceId: string) =>
  apiRequest(`devices/${deviceId}/wipe`, NoContent, { method: 'POST', token });

export const listUsers = (token: string) => apiRequest('users', UserList, { token });
export const addUser = (token: string, user: NewUserRequest) =>
  apiRequest('users', NewUserResponse, { method: 'POST', body: user, token });
export const updateUser = (token: string, userId: string, update: UserUpdate) =>
  apiRequest(`users/${userId}`, UserUpdateResponse, { method: 'PATCH', body: update, token });

export const latestAudit = (token: string, limit = 50) =>
  apiRequest(`audit?limit=${limit}`, AuditEntry.array(), { token });

/** The audit trail as a CSV file for Excel (the server writes it; the name holds only the date). */
export async function auditCsv(token: string): Promise<{ name: string; blob: Blob }> {
  const res = await apiResponse('audit?format=csv&limit=5000', { token });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'kartlegg-audit.csv';
  return { name, blob: await res.blob() };
}
