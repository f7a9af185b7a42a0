/** Records by id, for look-ups; replaced as a whole when the records change (never mutated). */
export function byId<T extends { id: string }>(rows: readonly T[]): ReadonlyMap<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}
