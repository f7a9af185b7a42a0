import { resolveConflict, openConflicts } from '../client/db/conflicts.ts';
import { tableOf, type SyncedRow } from '../client/db/database.ts';
import type { JsonValue } from '../domain/sync/json.ts';
import { uuidv7 } from '../domain/uuidv7.ts';
import type { Entity } from '../protocol/entities.ts';
import type { Rng } from './random.ts';
import type { SimEntity, Tablet } from './tablet.ts';
import { ANSWER_FIELDS, RESIDENT_FIELDS, type ValueMaker } from './values.ts';

/** How often a user does what, relative to each other. */
const ACTIONS = {
  createResident: 10,
  editResident: 34,
  deleteRecord: 3,
  newMapping: 8,
  answer: 25,
  resolveConflict: 20,
};
type Action = keyof typeof ACTIONS;

/**
 * Users mostly work on the first records their tablet learnt of, which are largely the same ones on
 * every tablet: that is where tablets clash, so the run has real conflicts.
 */
const HOT_RECORDS = 6;
const HOT_SHARE = 0.6;

/** A tablet's user: each `act` records exactly one change through the app's own code. */
export class SimUser {
  constructor(
    private readonly tablet: Tablet,
    private readonly rng: Rng,
    private readonly values: ValueMaker,
  ) {}

  async act(): Promise<void> {
    const action = this.rng.weighted(ACTIONS);
    // Nothing to edit (yet): a new resident is always possible.
    if (!(await this.try(action))) await this.createResident();
  }

  private try(action: Action): Promise<boolean> {
    switch (action) {
      case 'createResident':
        return this.createResident().then(() => true);
      case 'editResident':
        return this.editResident();
      case 'deleteRecord':
        return this.deleteRecord();
      case 'newMapping':
        return this.newMapping();
      case 'answer':
        return this.answer();
      case 'resolveConflict':
        return this.resolveConflict();
    }
  }

  private async createResident(): Promise<void> {
    const values: Record<string, JsonValue> = {
      givenName: this.value('resident', 'givenName'),
      familyName: this.value('resident', 'familyName'),
    };
    if (this.rng.chance(0.7)) values.birthDate = this.value('resident', 'birthDate');
    await this.tablet.change('resident', uuidv7(), values);
  }

  private async editResident(): Promise<boolean> {
    const row = await this.pickLive('resident');
    if (!row) return false;
    await this.tablet.change('resident', row.id, this.someOf('resident', RESIDENT_FIELDS));
    return true;
  }

  private async deleteRecord(): Promise<boolean> {
    const entity = this.rng.chance(0.7) ? 'resident' : 'mapping';
    const row = await this.pickLive(entity);
    if (!row) return false;
    await this.tablet.change(entity, row.id, { deleted: true });
    return true;
  }

  private async newMapping(): Promise<boolean> {
    const resident = await this.pickLive('resident');
    if (!resident) return false;
    await this.tablet.change('mapping', uuidv7(), {
      residentId: resident.id,
      ...this.someOf('mapping', ANSWER_FIELDS),
    });
    return true;
  }

  private async answer(): Promise<boolean> {
    const mapping = await this.pickLive('mapping');
    if (!mapping) return false;
    await this.tablet.change('mapping', mapping.id, this.someOf('mapping', ANSWER_FIELDS));
    return true;
  }

  /** Settles a conflict the tablet has pulled, as a person would: theirs, mine, or another value. */
  private async resolveConflict(): Promise<boolean> {
    const open = await openConflicts(this.tablet.db);
    if (open.length === 0) return false;
    // (version, field) names a conflict uniquely and does not depend on random ids: the run stays reproducible.
    open.sort((a, b) => a.version - b.version || a.field.localeCompare(b.field));
    const conflict = this.rng.pick(open);
    const choice = this.rng.pick(['theirs', 'mine', 'other'] as const);
    const value =
      choice === 'theirs' || conflict.field === 'residentId'
        ? conflict.theirs
        : choice === 'mine'
          ? conflict.mine
          : this.value(conflict.entity, conflict.field);
    const row = await resolveConflict(this.tablet.db, conflict, value);
    this.tablet.logWrites(row);
    return true;
  }

  /** A record the tablet knows and has not seen deleted; often one of the first it learnt of. */
  private async pickLive(entity: SimEntity): Promise<SyncedRow | undefined> {
    const ids = this.tablet.known[entity];
    if (ids.length === 0) return undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      const id = this.rng.chance(HOT_SHARE) ? this.rng.pick(ids.slice(0, HOT_RECORDS)) : this.rng.pick(ids);
      const row = await tableOf(this.tablet.db, entity).get(id);
      if (row && !row.deleted) return row;
    }
    return undefined;
  }

  /** New values for one or two of `fields`. */
  private someOf(entity: Entity, fields: readonly string[]): Record<string, JsonValue> {
    const chosen = this.rng.shuffle(fields).slice(0, this.rng.int(1, 2));
    return Object.fromEntries(chosen.map((f) => [f, this.value(entity, f)]));
  }

  private value(entity: Entity, field: string): JsonValue {
    return this.values.value(entity, field, this.rng);
  }
}
