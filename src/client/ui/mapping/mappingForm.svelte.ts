import { answerChanges, REGISTERED_WITH_IMDI_FIELD } from '../../../domain/form/fields.ts';
import { isIsoDate } from '../../../domain/resident.ts';
import { openMapping, type OpenResult } from '../../../domain/form/migrate.ts';
import { canRegisterWithImdi } from '../../../domain/form/progress.ts';
import { FORM_DEFINITIONS } from '../../../domain/form/registry.ts';
import type { Answers, AnswerValue, FormDefinition } from '../../../domain/form/types.ts';
import { findQuestion } from '../../../domain/form/walk.ts';
import type { JsonValue } from '../../../domain/sync/json.ts';
import { database, observe, openConflicts, recordChange, type ConflictRow, type MappingRow } from '../../db/index.ts';
import { syncStatus } from '../state/syncStatus.svelte.ts';
import { answerProblem, completionRefusal, withAnswer } from './formView.ts';

/** Where a question's last save stands: the UI says "saved" only once the transaction committed. */
export type SaveState = 'saving' | 'saved' | 'failed';

/**
 * One open mapping: the stored record as it is now (reactive: a pull shows at once), the answers
 * read from it with the newest definition, and the autosave — every change is one recordChange
 * (record + outbox row in one transaction) of the fields `fieldChanges` names: the answer itself
 * and any answers it hides, which are cleared.
 */
export class MappingForm {
  row = $state<MappingRow | null | undefined>(undefined);
  opened = $state<OpenResult | null>(null);
  answers = $state<Answers>({});
  /** Open conflicts of this mapping, by field. */
  conflicts = $state<Record<string, ConflictRow[]>>({});
  /** Where each question's last save stands, by question key (an entry's question: its own key). */
  saves = $state<Record<string, SaveState>>({});
  /** Problem codes of answers that were refused (and not saved), by question key. */
  problems = $state<Record<string, string>>({});
  /** Counts committed answers: the live region says "saved" anew for each (none before the first). */
  saveCount = $state(0);

  /**
   * The `updatedAt` of this screen's newest write. The observed record can arrive a moment late: a
   * row older than this is one the screen has already moved past, and showing it would flip an
   * answer back for an instant (a tap on it then would change nothing).
   */
  #writtenAt = 0;

  constructor(readonly mappingId: string) {}

  get definition(): FormDefinition | null {
    return this.opened?.ok ? this.opened.definition : null;
  }

  /** Starts observing the record and its conflicts; returns the function that stops. */
  start(): () => void {
    const id = this.mappingId;
    return observe(
      database(),
      async (db) => ({ row: await db.mappings.get(id), conflicts: await openConflicts(db, id) }),
      ({ row, conflicts }) => {
        const byField: Record<string, ConflictRow[]> = {};
        for (const c of conflicts) (byField[c.field] ??= []).push(c);
        this.conflicts = byField;
        if (row && row.updatedAt < this.#writtenAt) return;
        this.row = row ?? null;
        if (!row) return;
        this.opened = openMapping(FORM_DEFINITIONS, row);
        if (this.opened.ok) this.answers = this.opened.answers;
      },
    );
  }

  /**
   * Answers a top-level question (a group: its whole list of entries). A value the definition refuses
   * is not saved; its problem shows at the field (`problemKey` names which: an entry's question).
   */
  async answer(code: string, value: AnswerValue | null, problemKey = code): Promise<void> {
    const opened = this.opened;
    const row = this.row;
    if (!opened?.ok || !row) return;
    const question = findQuestion(opened.definition, code);
    if (!question) return;
    const next = withAnswer(this.answers, code, value);
    const problem =
      (value === null ? null : answerProblem(question, value)) ??
      completionRefusal(opened.definition, this.answers, next, code);
    if (problem) {
      this.refuse(problemKey, problem);
      return;
    }
    this.clearProblem(problemKey);
    const changes = answerChanges(opened.definition, row, next, code, opened.startedWith) as Record<string, JsonValue>;
    const before = this.answers;
    this.answers = next;
    this.saves = { ...this.saves, [problemKey]: 'saving' };
    try {
      await this.#write(changes);
    } catch {
      this.answers = before;
      this.saves = { ...this.saves, [problemKey]: 'failed' };
      return;
    }
    // Committed: only now may the screen say "saved".
    this.saves = { ...this.saves, [problemKey]: 'saved' };
    this.saveCount += 1;
    syncStatus.changed();
  }

  /**
   * Marks a complete mapping "registered with IMDi" on this date (an ISO date; null clears it). Only
   * a mapping that is complete may carry it; saved like an answer (record + outbox, then "saved").
   */
  async registerWithImdi(date: string | null): Promise<void> {
    const definition = this.definition;
    if (!definition) return;
    if (date !== null && (!isIsoDate(date) || !canRegisterWithImdi(definition, this.answers))) {
      this.refuse(REGISTERED_WITH_IMDI_FIELD, 'invalidDate');
      return;
    }
    this.clearProblem(REGISTERED_WITH_IMDI_FIELD);
    this.saves = { ...this.saves, [REGISTERED_WITH_IMDI_FIELD]: 'saving' };
    try {
      await this.#write({ [REGISTERED_WITH_IMDI_FIELD]: date });
    } catch {
      this.saves = { ...this.saves, [REGISTERED_WITH_IMDI_FIELD]: 'failed' };
      return;
    }
    this.saves = { ...this.saves, [REGISTERED_WITH_IMDI_FIELD]: 'saved' };
    syncStatus.changed();
  }

  /** One recordChange of this mapping, stamped later than any write before it from this screen. */
  async #write(changes: Record<string, JsonValue>): Promise<void> {
    const previous = this.#writtenAt;
    const now = Math.max(Date.now(), previous + 1);
    this.#writtenAt = now;
    try {
      await recordChange(database(), 'mapping', this.mappingId, changes, { now });
    } catch (err) {
      // Nothing was written: what the record holds is current again.
      this.#writtenAt = previous;
      throw err;
    }
  }

  /** Shows a problem found before any value could be made (a number field holding letters, say). */
  refuse(problemKey: string, problem: string): void {
    this.problems = { ...this.problems, [problemKey]: problem };
  }

  clearProblem(problemKey: string): void {
    if (!(problemKey in this.problems)) return;
    const others = { ...this.problems };
    delete others[problemKey];
    this.problems = others;
  }
}
