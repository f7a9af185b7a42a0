import { Hono } from 'hono';
import { z } from 'zod';
import { NewUserRequest, UserUpdate, type UserUpdateResponse } from '../../protocol/users.ts';
import { AccountError, addUser, UsernameTakenError } from '../accounts.ts';
import type { AppEnv } from '../appEnv.ts';
import { requireAdmin, requireDevice } from '../auth/requireDevice.ts';
import { audit } from '../audit.ts';
import { ApiError, readJson } from '../http.ts';
import { listUsers, OwnAccountError, updateUser } from '../users.ts';

const UserId = z.uuid();

/**
 * The administrator's users screen: the municipality's accounts, added, changed, deactivated. Every
 * change is audited by the names of what changed, never a password or a name.
 */
export function userRoutes() {
  return new Hono<AppEnv>()
    .use(requireDevice, requireAdmin('Only an administrator manages users.'))
    .get('/', async (c) => c.json(await listUsers(c.var.store, c.var.device.municipalityId)))
    .post('/', async (c) => {
      const body = await readJson(c, NewUserRequest);
      const { id } = await accountRules(() =>
        addUser(
          c.var.store,
          {
            municipalityId: c.var.device.municipalityId,
            ...body,
            // An administrator chose it: the user picks their own at the first sign-in.
            mustChangePassword: true,
          },
          // The CLI asks for a mottak user's centre itself; here the rule is the account's.
          { requireCentre: true },
        ),
      );
      await audit(c.var.store, c.var.device, 'user_added', {
        entity: 'user',
        recordId: id,
        detail: { role: body.role },
      });
      return c.json({ id }, 201);
    })
    .patch('/:id', async (c) => {
      const parsed = UserId.safeParse(c.req.param('id'));
      // A malformed id names no user: the same answer as a missing one.
      if (!parsed.success) throw notFound();
      const update = await readJson(c, UserUpdate);
      const changed = await accountRules(() => updateUser(c.var.store, c.var.device, parsed.data, update));
      if (!changed) throw notFound();
      await audit(c.var.store, c.var.device, 'user_changed', {
        entity: 'user',
        recordId: parsed.data,
        detail: { fields: changed.fields },
      });
      const response: UserUpdateResponse = {
        user: changed.user,
        ...(changed.temporaryPassword ? { temporaryPassword: changed.temporaryPassword } : {}),
      };
      return c.json(response);
    });
}

/** The account rules' refusals as answers the screen can place at the field at fault. */
async function accountRules<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof OwnAccountError) throw new ApiError(409, 'own_account', err.message);
    if (err instanceof UsernameTakenError) {
      throw new ApiError(409, 'username_taken', err.message, [{ path: 'username', message: err.message }]);
    }
    if (err instanceof AccountError) {
      const issues = err.field ? [{ path: err.field, message: err.message }] : undefined;
      throw new ApiError(400, 'invalid_account', err.message, issues);
    }
    throw err;
  }
}

const notFound = () => new ApiError(404, 'not_found', 'No such user in this municipality.');
