import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A budget is a bound the metric must stay within: `max` for sizes and times, `min` for scores. */
export type Budget = { max: number } | { min: number };

export interface Row {
  metric: string;
  value: number;
  unit: string;
  budget?: Budget;
  pass?: boolean;
  /** A target that is reported, not enforced: missing it does not fail the bench. */
  goal?: Budget;
  met?: boolean;
  /** Individual measurements when `value` summarises several (e.g. a median). */
  samples?: number[];
}

/** A part of the bench that could not run; it fails the bench just like a missed budget. */
export interface BenchError {
  section: string;
  message: string;
}

export interface Results {
  date: string;
  node: string;
  commit: string;
  /** Whether the working tree had uncommitted changes: then `commit` alone does not identify the code. */
  dirty: boolean;
  rows: Row[];
  errors: BenchError[];
  /** Extra findings worth a look that are not budgets (e.g. failing Lighthouse audits). */
  notes: string[];
}

/** Builds a row, deciding `pass` from the budget when there is one. */
export function row(metric: string, value: number, unit: string, budget?: Budget, samples?: number[]): Row {
  const result: Row = { metric, value, unit };
  if (budget) {
    result.budget = budget;
    result.pass = 'max' in budget ? value <= budget.max : value >= budget.min;
  }
  if (samples) result.samples = samples;
  return result;
}

/** A row with a goal: shown beside the value (met or missed) but never failing the bench. */
export function goalRow(metric: string, value: number, unit: string, goal: Budget, samples?: number[]): Row {
  const result: Row = { metric, value, unit, goal, met: 'max' in goal ? value <= goal.max : value >= goal.min };
  if (samples) result.samples = samples;
  return result;
}

/** The value at quantile q (0–1) of a list, by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  // The index is inside the non-empty list.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Bytes to KB (1 KB = 1024 bytes) with one decimal, the precision the budgets are written in. */
export function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // Both indexes exist: the list is non-empty and `mid` is inside it.
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a git checkout (e.g. an unpacked release): the results are still worth having.
    return '';
  }
}

export function collectResults(root: string, rows: Row[], errors: BenchError[], notes: string[]): Results {
  return {
    date: new Date().toISOString(),
    node: process.version,
    commit: git(root, ['rev-parse', 'HEAD']) || 'unknown',
    dirty: git(root, ['status', '--porcelain']) !== '',
    rows,
    errors,
    notes,
  };
}

export function writeResults(path: string, results: Results): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

function formatValue(value: number, unit: string): string {
  return unit ? `${value} ${unit}` : String(value);
}

function formatBound(b: Budget, unit: string): string {
  return 'max' in b ? `≤ ${formatValue(b.max, unit)}` : `≥ ${formatValue(b.min, unit)}`;
}

function formatBudget(r: Row): string {
  if (r.budget) return formatBound(r.budget, r.unit);
  if (r.goal) return `goal ${formatBound(r.goal, r.unit)}`;
  return '';
}

function formatPass(r: Row): string {
  if (r.pass !== undefined) return r.pass ? 'pass' : '**FAIL**';
  if (r.met !== undefined) return r.met ? 'goal met' : 'goal missed';
  return '';
}

export function markdownTable(results: Results): string {
  const lines = [
    `Bench ${results.date} · Node ${results.node} · commit ${results.commit.slice(0, 12)}${results.dirty ? ' (dirty)' : ''}`,
    '',
    '| Metric | Value | Budget | Result |',
    '| --- | ---: | ---: | --- |',
    ...results.rows.map(
      (r) => `| ${r.metric} | ${formatValue(r.value, r.unit)} | ${formatBudget(r)} | ${formatPass(r)} |`,
    ),
  ];
  return lines.join('\n');
}

/** Human-readable reasons the bench failed; empty when every budget was met and every part ran. */
export function failures(results: Results): string[] {
  const missed = results.rows
    .filter((r) => r.pass === false)
    .map((r) => `Budget missed: ${r.metric} is ${formatValue(r.value, r.unit)}, budget ${formatBudget(r)}.`);
  const broken = results.errors.map((e) => `${e.section} failed: ${e.message}`);
  return [...missed, ...broken];
}
