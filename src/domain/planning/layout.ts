import type { PResident, Problem, PWindow } from './problem.ts';

/**
 * Orders the residents the packer gave a window into its slots. Locked slots stay where they are.
 * Language blocks are laid out so each stays one continuous run where it can: a language with
 * limited interpreter time first, inside that time; a language with locked slots around them; the
 * others, largest first, each into the smallest free stretch that holds it whole. Free slots are left
 * at the end of the window, outside any booking.
 *
 * Returns the resident index per slot position, -1 for an empty slot.
 */
export function layoutWindow(p: Problem, w: PWindow, members: readonly PResident[], last: Int32Array): Int32Array {
  const slots = Int32Array.from(w.locked);
  const langOf = (position: number) => p.residents[slots[position] ?? -1]?.lang ?? -1;
  const byLang = new Map<number, PResident[]>();
  for (const r of members) byLang.set(r.lang, [...(byLang.get(r.lang) ?? []), r]);
  const anchored = (lang: number) => [...w.locked].some((i) => i >= 0 && p.residents[i]?.lang === lang);
  const order = [...byLang.keys()].sort(
    (a, b) =>
      Number(p.availability.has(b)) - Number(p.availability.has(a)) ||
      Number(anchored(b)) - Number(anchored(a)) ||
      (byLang.get(b)?.length ?? 0) - (byLang.get(a)?.length ?? 0) ||
      a - b,
  );
  for (const lang of order) {
    const residents = (byLang.get(lang) ?? []).sort(
      (a, b) => (last[a.index] ?? 0) - (last[b.index] ?? 0) || a.index - b.index,
    );
    const mask = p.availability.get(lang)?.[w.index];
    const open = (i: number) => (slots[i] ?? 0) === -1 && (mask?.[i] ?? true);
    const positions = anchored(lang)
      ? nearest(slots.length, open, (i) => langOf(i) === lang, residents.length)
      : mask
        ? roomiest(slots, open, residents.length)
        : bestFit(slots.length, open, residents.length);
    positions.sort((a, b) => a - b);
    residents.forEach((r, k) => {
      const i = positions[k];
      if (i === undefined) throw new Error(`layout: no slot for resident ${r.resident.id} in ${w.window.id}`);
      slots[i] = r.index;
    });
  }
  return slots;
}

/** `n` open positions, whole in the smallest open stretch that holds them, else the longest ones first. */
function bestFit(length: number, open: (i: number) => boolean, n: number): number[] {
  const runs: { start: number; size: number }[] = [];
  for (let i = 0; i < length;) {
    if (!open(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < length && open(j)) j++;
    runs.push({ start: i, size: j - i });
    i = j;
  }
  const fits = runs.filter((r) => r.size >= n).sort((a, b) => a.size - b.size || a.start - b.start)[0];
  const chosen = fits ? [fits] : runs.sort((a, b) => b.size - a.size || a.start - b.start);
  const positions: number[] = [];
  for (const run of chosen) {
    for (let i = run.start; i < run.start + run.size && positions.length < n; i++) positions.push(i);
  }
  return positions;
}

/**
 * For a language confined to the interpreter's time: `n` adjacent open positions, placed where they
 * leave the longest free stretch for the languages laid out after it.
 */
function roomiest(slots: Int32Array, open: (i: number) => boolean, n: number): number[] {
  let best: number[] | null = null;
  let bestRoom = -1;
  for (let start = 0; start + n <= slots.length; start++) {
    const block = Array.from({ length: n }, (_, k) => start + k);
    if (!block.every(open)) continue;
    let room = 0;
    let run = 0;
    for (let i = 0; i < slots.length; i++) {
      run = (slots[i] ?? 0) === -1 && !block.includes(i) ? run + 1 : 0;
      room = Math.max(room, run);
    }
    if (room > bestRoom) {
      best = block;
      bestRoom = room;
    }
  }
  return best ?? bestFit(slots.length, open, n);
}

/** `n` open positions closest to the language's locked slots (between them first, then outward). */
function nearest(length: number, open: (i: number) => boolean, mine: (i: number) => boolean, n: number): number[] {
  const anchors = Array.from({ length }, (_, i) => i).filter(mine);
  const first = anchors[0] ?? 0;
  const lastAnchor = anchors.at(-1) ?? 0;
  const distance = (i: number) =>
    i >= first && i <= lastAnchor ? 0 : Math.min(...anchors.map((a) => Math.abs(a - i)));
  return Array.from({ length }, (_, i) => i)
    .filter(open)
    .sort((a, b) => distance(a) - distance(b) || a - b)
    .slice(0, n);
}
