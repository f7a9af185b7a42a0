import type { Rule } from './rules.ts';

export type { Rule } from './rules.ts';

/**
 * The mapping form as data. A definition is versioned and never edited once shipped: a change is a
 * new version that states how answers of the previous one carry over (`migrateFrom`).
 *
 * Every section, question and choice has a stable code. Codes of questions are unique across the
 * whole definition (children of repeatable groups included), so a code names one question anywhere:
 * in rules, label keys (`form.q.<code>.label`) and sync fields.
 */
export interface FormDefinition {
  version: number;
  sections: readonly Section[];
  /** How answers of the previous version become answers of this one (absent for version 1). */
  migrateFrom?: Migration;
}

export interface Section {
  code: string;
  /** When absent the section is always relevant. Its questions are irrelevant when it is not. */
  relevantWhen?: Rule;
  questions: readonly Question[];
}

export type Question = SingleQuestion | MultipleQuestion | NumberQuestion | DateQuestion | TextQuestion | GroupQuestion;
/** Questions a repeatable group's entry may hold (groups do not nest). */
export type EntryQuestion = Exclude<Question, GroupQuestion>;

interface QuestionBase {
  code: string;
  /** When absent the question is relevant whenever its section is. Rules see only earlier answers. */
  relevantWhen?: Rule;
  /** `true`, or a rule: required when relevant and the rule holds. Absent: optional. */
  required?: boolean | Rule;
  /** The label has a help text too (`form.q.<code>.help`). */
  help?: boolean;
}

/**
 * Where a choice question's choices come from: a list of codes labelled by `form.choice.<set>.<code>`
 * (several questions may share a set, e.g. skill levels), or a catalogue of standard codes whose names
 * come from elsewhere (see `catalogues.ts`), optionally with a few extra listed choices.
 */
export type Choices = ChoiceList | CatalogueChoices;
export interface ChoiceList {
  set: string;
  codes: readonly string[];
}
export interface CatalogueChoices {
  catalogue: Catalogue;
  extra?: ChoiceList;
}
export type Catalogue = 'country' | 'language' | 'infoLanguage' | 'occupation';

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  choices: Choices;
}

export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  choices: Choices;
  /** Choices that cannot be combined with any other (e.g. `none`). */
  exclusive?: readonly string[];
  /** At most this many choices (default: no limit beyond the list itself). */
  maxSelected?: number;
}

export interface NumberQuestion extends QuestionBase {
  type: 'number';
  min: number;
  max: number;
}

/** An ISO date `yyyy-mm-dd`. */
export interface DateQuestion extends QuestionBase {
  type: 'date';
}

/**
 * Free text. Only where no fixed choice can serve; every use says why in a comment, and a test keeps
 * the list of text questions short.
 */
export interface TextQuestion extends QuestionBase {
  type: 'text';
  maxLength: number;
  /** Line breaks allowed (a note), or one line (a name). */
  multiline: boolean;
}

/** A list of entries, each answering the same questions. Required means: at least one entry. */
export interface GroupQuestion extends QuestionBase {
  type: 'group';
  questions: readonly EntryQuestion[];
  maxEntries: number;
}

/** One answer: a choice code, several codes, a number, an ISO date, a short text, or a group's entries. */
export type ScalarAnswer = string | number | string[];
export type Entry = Record<string, ScalarAnswer>;
export type AnswerValue = ScalarAnswer | Entry[];
/** Answers by question code. An unanswered question has no key. */
export type Answers = Record<string, AnswerValue>;

/**
 * How the previous version's answers carry over: tables first, then `transform` for anything a table
 * cannot say. Whatever is still not valid afterwards is dropped and reported (`migrate.ts`).
 */
export interface Migration {
  fromVersion: number;
  /** Old question code → new code (top level or inside a group's entries). */
  renameQuestions?: Readonly<Record<string, string>>;
  /** Old question codes this version no longer asks: their answers are dropped without a report. */
  removeQuestions?: readonly string[];
  /** New question code → old choice code → new choice code, or null when the choice has no successor. */
  renameChoices?: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
  transform?: (answers: Answers) => Answers;
}
