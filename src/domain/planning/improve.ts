import { Assignment } from './assignment.ts';
import type { Problem, PWindow } from './problem.ts';

const MAX_ROUNDS = 30;
/** Blocks moved aside to make room for one merge, at most, and blocks tried (bounds the time). */
const MAX_EJECTIONS = 4;
const MAX_TRIES = 12;

/**
 * The improvement pass: for each language, try to empty its smallest block by moving its residents
 * into the language's other blocks. Residents of the language may trade places between those blocks,
 * so the test is a small assignment problem, solved exactly by earliest-deadline-first. When the
 * other blocks' windows are full, whole blocks of other languages are moved out of them first, each
 * to a window where its residents may go and that has room (joining a block of the same language
 * there if it can), or part of such a block into that language's other blocks, so no other language
 * gains a booking. A merge that still fails is undone.
 * Every success removes one booking; no resident leaves its usable dates; locked residents stay.
 */
export function mergeBlocks(p: Problem, assign: Int32Array, last: Int32Array): number {
  const state = new Assignment(p, assign, last);
  let merged = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (let lang = 0; lang < p.languages.length; lang++) {
      if (!p.needsInterpreter[lang]) continue;
      while (mergeOne(state, lang)) {
        merged++;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return merged;
}

/**
 * Makes room in window `w` by moving up to `room` residents of `lang` from it into the language's
 * other blocks, which keeps its bookings as they are (or removes the one in `w`).
 */
function squeeze(s: Assignment, lang: number, w: PWindow, room: number): boolean {
  if (s.p.availability.has(lang)) return false;
  const here = s.members(lang, w).length;
  const windows = s.windowsOf(lang).filter((x) => x.usable);
  if (windows.length < 2) return false;
  const most = Math.min(room, here);
  for (const k of most > 1 ? [most, 1] : [most]) {
    if (s.reassign(lang, windows, new Map([[w, here - k]]))) return true;
  }
  return false;
}

function mergeOne(s: Assignment, lang: number): boolean {
  const windows = s.windowsOf(lang);
  if (windows.length < 2) return false;
  const pieces = windows
    .filter((w) => !s.hasLocked(lang, w))
    .sort((a, b) => s.count(lang, a) - s.count(lang, b) || a.index - b.index);
  for (const gone of pieces) {
    const targets = windows.filter((w) => w !== gone && w.usable);
    if (s.reassign(lang, targets)) return true;
    let saved: ReturnType<Assignment['snapshot']> | undefined;
    const avoid = new Set([gone, ...targets]);
    let ejected = 0;
    let tries = 0;
    for (const w of targets) {
      for (const other of s.languagesIn(w)) {
        if (other === lang || ejected >= MAX_EJECTIONS || tries >= MAX_TRIES || s.hasLocked(other, w)) continue;
        tries++;
        saved ??= s.snapshot();
        if (!s.relocate(other, w, avoid) && !squeeze(s, other, w, s.count(lang, gone))) continue;
        ejected++;
        if (s.reassign(lang, targets)) return true;
      }
    }
    if (saved) s.restore(saved);
  }
  return false;
}
