import { residentDisplayName } from '../../domain/resident.ts';
import type { Entity } from '../../protocol/entities.ts';
import type { ConflictRow, ResidentRow } from '../db/index.ts';

/** The open conflicts of one field of one record: one decision settles them all. */
export interface FieldConflicts {
  field: string;
  conflicts: ConflictRow[];
}

/** The open conflicts of one record, field by field, with the name a person knows it by. */
export interface RecordConflicts {
  entity: Entity;
  entityId: string;
  /** null when the tablet holds no copy (or no name) to show. */
  name: string | null;
  fields: FieldConflicts[];
}

/** Groups conflicts (oldest first) by record and field, keeping the order in which they arose. */
export function groupConflicts(conflicts: ConflictRow[], residents: Map<string, ResidentRow>): RecordConflicts[] {
  const records = new Map<string, RecordConflicts>();
  for (const c of conflicts) {
    let record = records.get(c.entityId);
    if (!record) {
      const resident = c.entity === 'resident' ? residents.get(c.entityId) : undefined;
      record = {
        entity: c.entity,
        entityId: c.entityId,
        name: resident?.givenName && resident.familyName ? residentDisplayName(resident) : null,
        fields: [],
      };
      records.set(c.entityId, record);
    }
    const field = record.fields.find((f) => f.field === c.field);
    if (field) field.conflicts.push(c);
    else record.fields.push({ field: c.field, conflicts: [c] });
  }
  return [...records.values()];
}
