import type { Role } from './auth.ts';
import { ENTITIES, type Entity } from './entities.ts';

/**
 * What each role may read and change, by kind of record. The server enforces it on every route
 * (pull leaves out what a role may not read; a push of what it may not change is rejected, and kept
 * on the tablet with the reason); the app uses it only to hide what would be refused.
 *
 * - kartlegger maps: residents and their mapping answers.
 * - lesebruker imports the NIR lists and reads the roster: residents, never answers.
 * - admin runs the municipality (users, devices, settings) and, in a small municipality, also maps.
 * - mottak is a reception-centre contact: only the weekly list of their centre (handed over printed
 *   or as CSV for now), never residents' records or answers.
 * Places are the municipality's: an administrator keeps them, the others read them. Mappers plan
 * sessions; a lesebruker reads them, since the roster's "scheduled" list and the import's
 * never-delete rule depend on them.
 */
const RW = { read: true, write: true } as const;
const READ = { read: true, write: false } as const;
const NONE = { read: false, write: false } as const;
const ACCESS: Record<Role, Record<Entity, { read: boolean; write: boolean }>> = {
  kartlegger: { resident: RW, mapping: RW, place: READ, plannedSession: RW },
  lesebruker: { resident: RW, mapping: NONE, place: READ, plannedSession: READ },
  admin: { resident: RW, mapping: RW, place: RW, plannedSession: RW },
  mottak: { resident: NONE, mapping: NONE, place: NONE, plannedSession: NONE },
};

export function canRead(role: Role, entity: Entity): boolean {
  return ACCESS[role][entity].read;
}

export function canWrite(role: Role, entity: Entity): boolean {
  return ACCESS[role][entity].write;
}

/** The entities a role may read: what its pull carries. */
export function readableEntities(role: Role): Entity[] {
  return ENTITIES.filter((entity) => canRead(role, entity));
}

/** Only an administrator changes the municipality's settings, users and devices. */
export function canAdminister(role: Role): boolean {
  return role === 'admin';
}
