import { USER_FIELDS, type UserField } from '../../protocol/users.ts';
import type { ApiRequestError } from '../net/api.ts';
import type { AdminFailure } from './adminError.ts';

/**
 * Where adding or changing a user went wrong, as the server said: the field at fault (shown beside
 * it) or none (shown for the whole form), and the message's key.
 */
export function userProblem(why: AdminFailure, err: unknown): { field: UserField | null; key: string } {
  const { code, issues } = err as Partial<ApiRequestError>;
  if (code === 'own_account') return { field: null, key: 'admin.users.errors.ownAccount' };
  if (code === 'username_taken') return { field: 'username', key: 'admin.users.errors.usernameTaken' };
  const field = USER_FIELDS.find((f) => f === issues?.[0]?.path);
  if (field && (code === 'invalid_account' || code === 'invalid_body')) {
    return { field, key: `admin.users.errors.${field}` };
  }
  return { field: null, key: `admin.status.${why}` };
}
