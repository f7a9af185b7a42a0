import { planSessions } from '../../../domain/planning/plan.ts';
import {
  proposalLocks,
  proposedSessions,
  toAccept,
  lateResidents,
  type ProposedSession,
} from '../../../domain/planning/accept.ts';
import { inputFromRecords, type InputFromRecords } from '../../../domain/planning/inputFromRecords.ts';
import type { InterpreterTerms, MapperWindow, Plan } from '../../../domain/planning/model.ts';
import { DEFAULT_BUS_TICKET_KM, DEFAULT_SLOT_MINUTES } from '../../../domain/planning/model.ts';
import { planCost } from '../../../domain/planning/sessions.ts';
import { moveResident, updateSlot, type SlotRef } from '../../../domain/planning/slotEdits.ts';
import { residentsWithPlannedSlot, type SlotStatus } from '../../../domain/planning/records.ts';
import { todayInOslo } from '../../../domain/roster/deadline.ts';
import { uuidv7 } from '../../../domain/uuidv7.ts';
import {
  acceptSessions,
  database,
  getMeta,
  listPlaces,
  listPlannedSessions,
  listResidents,
  mappingFacts,
  observe,
  setMeta,
  setSessionInterpreter,
  updateSessionSlots,
  type PlaceRow,
  type PlannedSessionRow,
  type RosterRow,
} from '../../db/index.ts';
import { dayWindow, inList, listMask } from '../../roster/workingLists.ts';
import { byId } from './byId.ts';

/**
 * The plan screen's state: what the device stores (places, accepted sessions, the roster), the windows
 * and interpreter terms the mapper enters (in memory: they are the input of one planning run), and
 * the proposal. The planner runs here, in memory, on the residents due.
 */
export class PlanState {
  places = $state<PlaceRow[]>([]);
  readonly #placeById = $derived(byId(this.places));
  sessions = $state<PlannedSessionRow[]>([]);
  residents = $state.raw<ReadonlyMap<string, RosterRow>>(byId([]));
  /** Residents to be mapped, not yet mapped and not in a planned slot (the roster's "unscheduled"). */
  due = $state<RosterRow[]>([]);
  loaded = $state(false);

  windows = $state<MapperWindow[]>([]);
  slotMinutes = $state(DEFAULT_SLOT_MINUTES);
  busTicketKm = $state(DEFAULT_BUS_TICKET_KM);
  interpreters = $state<InterpreterTerms[]>([]);
  sharedLanguages = $state<string[]>([]);

  proposal = $state<ProposedSession[] | null>(null);
  plan = $state<Plan | null>(null);
  notPlannable = $state<InputFromRecords['notPlannable']>([]);
  refusal = $state<string | null>(null);

  readonly today = todayInOslo(Date.now());

  start(): () => void {
    void getMeta(database(), 'busTicketKm').then((km) => {
      if (typeof km === 'number') this.busTicketKm = km;
    });
    return observe(
      database(),
      async (db) => {
        const [places, sessions, rows, facts] = await Promise.all([
          listPlaces(db),
          listPlannedSessions(db),
          listResidents(db),
          mappingFacts(db),
        ]);
        // The sessions just read say who is scheduled: no second read of the table.
        return {
          places,
          sessions,
          rows,
          facts: { mapped: facts.mapped, scheduled: residentsWithPlannedSlot(sessions) },
        };
      },
      ({ places, sessions, rows, facts }) => {
        this.places = places;
        this.sessions = sessions;
        this.residents = byId(rows);
        const window = dayWindow(this.today);
        this.due = rows.filter((r) => inList(listMask(r, facts, window), 'unscheduled'));
        this.loaded = true;
      },
    );
  }

  place(id: string): PlaceRow | undefined {
    return this.#placeById.get(id);
  }

  deadlineOf = (residentId: string): string | null | undefined => this.residents.get(residentId)?.deadline;

  async setBusTicketKm(km: number): Promise<void> {
    this.busTicketKm = km;
    await setMeta(database(), 'busTicketKm', km);
  }

  /** Runs the planner on the residents due; locked slots of the current proposal stay. */
  propose(): void {
    const { input, notPlannable } = inputFromRecords({
      today: this.today,
      slotMinutes: this.slotMinutes,
      busTicketKm: this.busTicketKm,
      places: $state.snapshot(this.places),
      residents: this.due.map((r) => ({
        id: r.id,
        deadline: r.deadline ?? null,
        language: r.language ?? null,
        receptionCentre: r.receptionCentre ?? null,
      })),
      windows: $state.snapshot(this.windows),
      sessions: $state.snapshot(this.sessions),
      interpreters: $state.snapshot(this.interpreters),
      sharedLanguages: $state.snapshot(this.sharedLanguages),
    });
    const locked = proposalLocks($state.snapshot(this.proposal) ?? [], input);
    const plan = planSessions({ ...input, locked });
    this.plan = plan;
    this.notPlannable = notPlannable;
    this.proposal = proposedSessions(plan.sessions, uuidv7);
    this.refusal = null;
  }

  /** The proposal's cost now, after the mapper's moves. */
  get proposalCost() {
    if (!this.proposal || !this.plan) return null;
    const late = lateResidents(this.proposal, this.deadlineOf).length;
    return planCost(this.proposal, late + this.plan.unplaced.length, this.plan.unplaced.length);
  }

  moveInProposal(from: SlotRef, to: SlotRef): void {
    if (!this.proposal) return;
    const result = moveResident(this.proposal, from, to);
    if (result.ok) this.proposal = result.sessions;
    this.refusal = result.ok ? null : result.reason;
  }

  lockInProposal(ref: SlotRef, locked: boolean): void {
    if (!this.proposal) return;
    this.proposal = updateSlot(this.proposal, ref, { locked })?.sessions ?? this.proposal;
  }

  /**
   * Stores the proposal: every session and its outbox row in one transaction. The windows stay: the
   * accepted time is taken out of them, so the rest serves the next proposal (a no-show, say).
   */
  async accept(): Promise<number> {
    const sessions = toAccept($state.snapshot(this.proposal) ?? []);
    await acceptSessions(database(), sessions);
    this.proposal = null;
    this.plan = null;
    return sessions.length;
  }

  async moveAccepted(from: SlotRef, to: SlotRef): Promise<void> {
    const result = moveResident($state.snapshot(this.sessions), from, to);
    this.refusal = result.ok ? null : result.reason;
    if (result.ok) await this.#store(result.sessions, result.changed);
  }

  async changeAccepted(ref: SlotRef, change: { locked?: boolean; status?: SlotStatus }): Promise<void> {
    const result = updateSlot($state.snapshot(this.sessions), ref, change);
    if (result) await this.#store(result.sessions, result.changed);
  }

  /** Records who interprets (name and/or register id); empty text clears it. */
  async bookInterpreter(sessionId: string, name: string, registerId: string): Promise<void> {
    const s = this.sessions.find((x) => x.id === sessionId);
    if (!s?.interpreter) return;
    const interpreter = $state.snapshot(s.interpreter);
    await setSessionInterpreter(database(), sessionId, {
      ...interpreter,
      name: name.trim() || null,
      registerId: registerId.trim() || null,
    });
  }

  async #store(sessions: readonly PlannedSessionRow[], changed: readonly string[]): Promise<void> {
    await updateSessionSlots(
      database(),
      sessions.filter((s) => changed.includes(s.id)).map(({ id, slots }) => ({ id, slots })),
    );
  }
}

/** One for the app: a proposal survives a look at the weekly list and back. */
export const planState = new PlanState();
