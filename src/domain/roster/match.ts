import { nameKey } from './normalise.ts';
import type { NirPerson } from './people.ts';

/**
 * Which rows of list A and list B are the same person. Two rows are compared on the first key both
 * have: DUF, then national/D-number, then normalised name + birth date. Rows sharing a DUF or a
 * national id are one person even if other fields disagree (merge.ts turns the disagreement into a
 * conflict for review). A name + birth-date match joins two persons only when each is the other's
 * one candidate; any larger cluster of candidates is marked ambiguous and left unjoined.
 */

export type ListSide = 'A' | 'B';

export interface MatchedRow {
  list: ListSide;
  person: NirPerson;
}

export interface MatchGroup {
  /** List A rows first, each list in file order. */
  rows: MatchedRow[];
  /** Shares name + birth date with more than one other person: it is not known who is who. */
  ambiguous: boolean;
}

/** Name + birth date, or null when either is missing. */
export function nameBirthKey(person: Pick<NirPerson, 'givenName' | 'familyName' | 'birthDate'>): string | null {
  const name = nameKey(person.givenName, person.familyName);
  return name && person.birthDate ? `${name}|${person.birthDate}` : null;
}

export function matchLists(listA: readonly NirPerson[], listB: readonly NirPerson[]): MatchGroup[] {
  const rows: MatchedRow[] = [
    ...listA.map((person) => ({ list: 'A' as const, person })),
    ...listB.map((person) => ({ list: 'B' as const, person })),
  ];
  const rowSets = new UnionFind(rows.length);
  // One map per kind of key, so no key string has to be built for the lookup.
  const firstRow = {
    duf: new Map<string, number>(),
    nid: new Map<string, number>(),
    A: new Map<string, number>(),
    B: new Map<string, number>(),
  };
  const joinOn = (seen: Map<string, number>, key: string, i: number) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else rowSets.union(first, i);
  };
  const rowKeys = rows.map((r) => nameBirthKey(r.person));
  rows.forEach(({ list, person }, i) => {
    if (person.duf) joinOn(firstRow.duf, person.duf, i);
    if (person.nationalId) joinOn(firstRow.nid, person.nationalId, i);
    // Rows with neither number and the same name + birth date in one list are duplicate rows.
    const key = rowKeys[i];
    if (!person.duf && !person.nationalId && key) joinOn(firstRow[list], key, i);
  });

  const groups = collect(rows.length, (i) => rowSets.find(i)).map((members) => {
    let hasDuf = false;
    let hasNationalId = false;
    const keys: string[] = [];
    for (const i of members) {
      const person = rows[i]?.person;
      hasDuf ||= Boolean(person?.duf);
      hasNationalId ||= Boolean(person?.nationalId);
      const key = rowKeys[i];
      if (key && !keys.includes(key)) keys.push(key);
    }
    return { members, hasDuf, hasNationalId, keys };
  });

  // Candidate edges between groups on name + birth date, unless a number both have tells them apart.
  // Almost every key belongs to one group only; lists are made just for the shared ones.
  const firstGroup = new Map<string, number>();
  const shared = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    for (const key of g.keys) {
      const first = firstGroup.get(key);
      if (first === undefined) firstGroup.set(key, gi);
      else push(shared, key, gi, first);
    }
  });
  const groupSets = new UnionFind(groups.length);
  for (const ids of shared.values()) {
    ids.forEach((gi, x) => {
      for (const hi of ids.slice(x + 1)) {
        const [g, h] = [groups[gi], groups[hi]];
        const apart = !g || !h || (g.hasDuf && h.hasDuf) || (g.hasNationalId && h.hasNationalId);
        if (!apart) groupSets.union(gi, hi);
      }
    });
  }

  const result: { first: number; group: MatchGroup }[] = [];
  for (const cluster of collect(groups.length, (gi) => groupSets.find(gi))) {
    const members = cluster.map((gi) => groups[gi]?.members ?? []);
    // Two persons that are each other's only candidate are one; three or more cannot be resolved.
    const parts =
      cluster.length === 1 ? members : cluster.length === 2 ? [members.flat().sort((x, y) => x - y)] : members;
    for (const part of parts) {
      const groupRows = part.map((i) => rows[i]).filter((r) => r !== undefined);
      result.push({ first: part[0] ?? 0, group: { rows: groupRows, ambiguous: cluster.length > 2 } });
    }
  }
  return result.sort((x, y) => x.first - y.first).map((r) => r.group);
}

/** Appends `value` to the list under `key`, starting a new list as [first, value] (or [value]). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V, first?: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, first === undefined ? [value] : [first, value]);
}

/** Indices 0..n-1 grouped by `root` (the smallest index of each group), groups in index order. */
function collect(n: number, root: (i: number) => number): number[][] {
  const byRoot: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const members = byRoot[r];
    if (members) members.push(i);
    else groups.push((byRoot[r] = [i]));
  }
  return groups;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    // Path compression keeps later finds near O(1).
    while (i !== root) {
      const next = this.parent[i] ?? root;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
