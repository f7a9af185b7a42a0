import { Hono } from 'hono';
import { weekOf } from '../../domain/planning/week.ts';
import { WeeklyListQuery } from '../../protocol/weeklyList.ts';
import type { AppEnv } from '../appEnv.ts';
import { requireDevice } from '../auth/requireDevice.ts';
import { ApiError, readQuery } from '../http.ts';
import { audit } from '../audit.ts';
import { centreWeeklyList } from '../weeklyList.ts';

/**
 * GET /api/weekly-list?from=YYYY-MM-DD: the week's list of the signed-in `mottak` user's own centre.
 * Only that role: the mappers print every centre's list from their tablets. The centre comes from
 * the user's account (set by an administrator), never from the request.
 */
export function weeklyListRoutes() {
  return new Hono<AppEnv>().use(requireDevice).get('/', async (c) => {
    const { role, userId, municipalityId } = c.var.device;
    if (role !== 'mottak') {
      throw new ApiError(403, 'forbidden', 'Only a reception-centre user reads the weekly list from the server.');
    }
    const { from } = readQuery(c, WeeklyListQuery);
    const store = c.var.store;
    const [user] = await store.query<{ reception_centre: string | null }>(
      'SELECT reception_centre FROM users WHERE id = $1 AND municipality_id = $2',
      [userId, municipalityId],
    );
    const centre = user?.reception_centre?.trim();
    if (!centre) {
      throw new ApiError(409, 'no_centre', 'This user has no reception centre yet: an administrator must assign one.');
    }
    const list = await centreWeeklyList(store, municipalityId, centre, weekOf(from));
    // Counts only: who was on the list is in the records, not in the log.
    await audit(store, c.var.device, 'weekly_list_viewed', { detail: { week: list.from, rows: list.rows.length } });
    return c.json(list);
  });
}
