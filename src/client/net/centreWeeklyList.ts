import { WeeklyListResponse } from '../../protocol/weeklyList.ts';
import { apiRequest } from './api.ts';

/**
 * The signed-in reception centre's weekly list for the week `day` lies in, from the server (it is
 * never stored on the device). The query names a day, never a person.
 */
export function fetchCentreWeeklyList(token: string, day: string): Promise<WeeklyListResponse> {
  return apiRequest(`weekly-list?${new URLSearchParams({ from: day }).toString()}`, WeeklyListResponse, { token });
}
