import type { Catalogue } from './types.ts';
import { OCCUPATION_CODES } from './occupations.ts';
import { RESIDENT_LANGUAGES } from '../residentLanguages.ts';

/**
 * Standard code lists a choice question can draw on. Countries and languages are not translated in
 * our locale files: the screens name them with `Intl.DisplayNames` (region / language) in any UI or
 * resident language, which the browsers ship for every code here (a unit test checks nb, nn and en).
 * Occupations carry their own titles (`occupations.ts`).
 */

/** ISO 3166-1 alpha-2, plus XK (Kosovo, user-assigned but used by UDI and most registers). */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/** The languages the info screens exist in (every one is also a language choice). */
export const INFO_LANGUAGE_CODES: readonly string[] = RESIDENT_LANGUAGES;

/**
 * Languages (BCP 47 / ISO 639): those of today's arrivals and their neighbours, Nordic and European
 * languages. A language not listed is answered with the extra choice `other` and named in the note.
 */
export const LANGUAGE_CODES: readonly string[] = [
  ...INFO_LANGUAGE_CODES,
  ...(
    'sdh om aa sid din nus sw rw rn lg ln ff wo ha yo ig kab zgh ur hi bn pa ta si ne my th vi zh fil ' +
    'uz tk tg ky kk mn az hy ka bal syr he sq bs hr sr mk bg ro pl cs sk hu lt lv et be el de nl it pt ' +
    'sv da fi rom'
  ).split(' '),
];

export const CATALOGUES: Readonly<Record<Catalogue, readonly string[]>> = {
  country: COUNTRY_CODES,
  language: LANGUAGE_CODES,
  infoLanguage: INFO_LANGUAGE_CODES,
  occupation: OCCUPATION_CODES,
};
