/**
 * The planner's vocabulary: places, the mappers' windows, residents due, interpreters, and the plan
 * it proposes. Dates are ISO `yyyy-mm-dd` (Norwegian calendar days, compared as strings), times
 * `HH:MM` on that day. Input arrives through `src/protocol/planInput.ts`; everything here is already valid.
 */

/** Interpreter qualification categories of the national interpreter register (A highest). */
export const INTERPRETER_CATEGORIES = ['A', 'B', 'C', 'D', 'E'] as const;
export type InterpreterCategory = (typeof INTERPRETER_CATEGORIES)[number];

export const INTERPRETER_MODES = ['inPerson', 'video', 'phone'] as const;
export type InterpreterMode = (typeof INTERPRETER_MODES)[number];

export const PLACE_KINDS = ['mappingLocation', 'receptionCentre'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  address?: string;
  /** WGS84 degrees. */
  lat: number;
  lon: number;
}

/** A mapper's available time at one place on one day; it is cut into slots of `slotMinutes`. */
export interface MapperWindow {
  id: string;
  date: string;
  start: string;
  end: string;
  placeId: string;
  mapper: string;
}

export interface DueResident {
  id: string;
  /** The last day the mapping may take place on. */
  deadline: string;
  /** Mother tongue: the interpreter's language. */
  language: string;
  /** Id of a place of kind `receptionCentre`. */
  receptionCentre: string;
  /** Not before this day (e.g. a no-show re-planned from tomorrow). */
  earliest?: string;
}

/** When an interpreter of a language can be booked, and what the booking must ask for. */
export interface InterpreterTerms {
  language: string;
  /** Lowest category acceptable; absent: any qualified interpreter. */
  category?: InterpreterCategory;
  /** Default in person. */
  mode?: InterpreterMode;
  /** When given, a booking must lie inside one of these intervals; absent: any time. */
  availability?: { date: string; start: string; end: string }[];
}

/** A resident kept in a slot exactly as it is (accepted, moved by hand, or already told). */
export interface LockedAssignment {
  residentId: string;
  windowId: string;
  /** Start of the slot within the window. */
  start: string;
}

export interface PlanInput {
  /** "Today": no new assignment goes before it. Passed in so the planner stays deterministic. */
  today: string;
  /** Default 60. */
  slotMinutes?: number;
  /** Bus ticket when the straight-line distance is above this; default 6 km. */
  busTicketKm?: number;
  places: Place[];
  windows: MapperWindow[];
  residents: DueResident[];
  interpreters?: InterpreterTerms[];
  /** Languages every mapper speaks well enough to map without an interpreter (e.g. nb, en). */
  sharedLanguages?: string[];
  locked?: LockedAssignment[];
}

export const DEFAULT_SLOT_MINUTES = 60;
export const DEFAULT_BUS_TICKET_KM = 6;

export interface PlannedSlot {
  start: string;
  end: string;
  /** null: an empty slot inside the booking, where the interpreter waits. */
  residentId: string | null;
  locked?: true;
  /** Slotted after the resident's deadline, which could not be met (see `Plan.late`). */
  late?: true;
  /** From the resident's reception centre to the place, straight line. */
  distanceKm?: number;
  busTicket?: boolean;
}

/**
 * One booking: a continuous run of same-language slots in one window. With an interpreter it is one
 * interpreter order; with `interpreter: null` the mapper shares the language.
 */
export interface Session {
  id: string;
  windowId: string;
  date: string;
  start: string;
  end: string;
  placeId: string;
  mapper: string;
  slotMinutes: number;
  language: string;
  interpreter: { language: string; category: InterpreterCategory | null; mode: InterpreterMode } | null;
  slots: PlannedSlot[];
}

export type LateReason =
  | 'deadlinePassed'
  | 'earliestAfterDeadline'
  | 'noWindowBeforeDeadline'
  | 'noInterpreterBeforeDeadline'
  | 'noCapacityBeforeDeadline'
  /** Locked by hand into a slot after the deadline. */
  | 'lockedAfterDeadline';

export type UnplacedReason = 'noWindow' | 'noInterpreter' | 'noCapacity';

export interface Cost {
  /** Sessions with an interpreter. */
  interpreterBookings: number;
  /** Empty slot minutes inside bookings with an interpreter. */
  idleMinutes: number;
  /** Residents whose deadline is not met: slotted after it, or not slotted at all. */
  deadlinesMissed: number;
  /** Residents with no slot at all. */
  unplaced: number;
}

export interface Plan {
  sessions: Session[];
  /** Slotted, but after the deadline, which no plan could meet for this reason. */
  late: { residentId: string; deadline: string; date: string; reason: LateReason }[];
  unplaced: { residentId: string; deadline: string; reason: UnplacedReason; lateReason: LateReason }[];
  cost: Cost;
  lowerBound: Cost;
}
