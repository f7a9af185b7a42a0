import type { Section } from '../types.ts';
import { YES_NO } from './choices.ts';

const interpreted = { equals: ['interpreterUsed', 'yes'] } as const;

/** 0. The session: when, where, who, through which interpreter, and what the resident was told. */
export const SESSION: Section = {
  code: 'session',
  questions: [
    { code: 'sessionDate', type: 'date', required: true },
    {
      code: 'sessionPlace',
      type: 'single',
      choices: { set: 'sessionPlace', codes: ['adultEducationCentre', 'receptionCentre', 'municipalOffice', 'other'] },
      required: true,
    },
    // Text: a person's name has no fixed list. The screens fill it from the signed-in account.
    { code: 'mapperName', type: 'text', maxLength: 100, multiline: false, required: true },
    {
      code: 'interpreterUsed',
      type: 'single',
      choices: { set: 'interpreterUsed', codes: ['yes', 'noSharedLanguage', 'noInterpreterAvailable'] },
      required: true,
    },
    {
      code: 'interpreterLanguage',
      type: 'single',
      choices: { catalogue: 'language' },
      relevantWhen: interpreted,
      required: true,
    },
    {
      code: 'interpreterCategory',
      type: 'single',
      // The national interpreter register's qualification categories A–E.
      choices: { set: 'interpreterCategory', codes: ['A', 'B', 'C', 'D', 'E', 'notInRegister'] },
      relevantWhen: interpreted,
      required: true,
    },
    {
      code: 'interpreterMode',
      type: 'single',
      choices: { set: 'interpreterMode', codes: ['inPerson', 'video', 'phone'] },
      relevantWhen: interpreted,
      required: true,
    },
    {
      code: 'infoLanguage',
      type: 'single',
      choices: { catalogue: 'infoLanguage', extra: { set: 'infoLanguage', codes: ['none'] } },
      required: true,
    },
    { code: 'understandingConfirmed', type: 'single', choices: YES_NO, required: true },
  ],
};

/**
 * 1. Identity and eligibility. Name, birth date, gender, DUF number, citizenship and reception
 * centre live on the resident record (the roster) and are shown, not asked again: a fact is
 * recorded once. The mapper confirms them or corrects the record.
 */
export const IDENTITY: Section = {
  code: 'identity',
  questions: [
    {
      code: 'identityChecked',
      type: 'single',
      choices: { set: 'identityChecked', codes: ['confirmed', 'correctedInRoster'] },
      required: true,
      help: true,
    },
    {
      code: 'permitType',
      type: 'single',
      choices: {
        set: 'permitType',
        codes: [
          'refugee',
          'strongHumanitarian',
          'familyReunification',
          'resettlement',
          'collectiveProtection',
          'other',
        ],
      },
      required: true,
    },
    { code: 'permitDate', type: 'date', required: true },
    {
      // Collective protection is exempt from the right and duty to be mapped before settlement.
      code: 'mappingWanted',
      type: 'single',
      choices: YES_NO,
      relevantWhen: { equals: ['permitType', 'collectiveProtection'] },
      required: true,
      help: true,
    },
    {
      code: 'alreadyMapped',
      type: 'single',
      choices: { set: 'alreadyMapped', codes: ['no', 'yes', 'unknown'] },
      required: true,
      help: true,
    },
  ],
};
