/**
 * Occupations for the work-experience picker: STYRK-08 (SSB's Norwegian version of ILO's ISCO-08,
 * identical codes) at the two upper levels — 10 major groups (1 digit, 0 = armed forces) and their
 * 43 sub-major groups (2 digits). A more precise code is not needed for settlement and would make
 * the picker slow to use through an interpreter.
 *
 * Titles: English are ISCO-08's. Norwegian major groups are SSB's STYRK-08 short titles. The
 * Norwegian sub-major titles are plain translations of ISCO-08 written here without access to SSB's
 * KLASS (version 33); check them against it before a release and change only the wording (the
 * codes do not change). Nynorsk falls back to bokmål. Major groups carry the ILO/national titles
 * in the resident languages we could write reliably (es, fr from ILO; ru from OKZ 2014; tr from
 * TÜİK); the others come from the translators' round trip.
 */
export interface Occupation {
  code: string;
  level: 1 | 2;
  nb: string;
  en: string;
  /** Titles in resident languages, by language code (major groups only). */
  other?: Readonly<Record<string, string>>;
}

type Row = readonly [code: string, nb: string, en: string];

const MAJOR: readonly (readonly [...Row, other: Readonly<Record<string, string>>])[] = [
  [
    '0',
    'Militære yrker og uoppgitt',
    'Armed forces occupations',
    {
      es: 'Ocupaciones militares',
      fr: 'Professions militaires',
      ru: 'Военнослужащие',
      tr: 'Silahlı kuvvetler mensupları',
    },
  ],
  [
    '1',
    'Ledere',
    'Managers',
    {
      es: 'Directores y gerentes',
      fr: 'Directeurs, cadres de direction et gérants',
      ru: 'Руководители',
      tr: 'Yöneticiler',
    },
  ],
  [
    '2',
    'Akademiske yrker',
    'Professionals',
    {
      es: 'Profesionales científicos e intelectuales',
      fr: 'Professions intellectuelles et scientifiques',
      ru: 'Специалисты высшего уровня квалификации',
      tr: 'Profesyonel meslek mensupları',
    },
  ],
  [
    '3',
    'Høyskoleyrker',
    'Technicians and associate professionals',
    {
      es: 'Técnicos y profesionales de nivel medio',
      fr: 'Professions intermédiaires',
      ru: 'Специалисты среднего уровня квалификации',
      tr: 'Teknisyenler, teknikerler ve yardımcı profesyonel meslek mensupları',
    },
  ],
  [
    '4',
    'Kontoryrker',
    'Clerical support workers',
    {
      es: 'Personal de apoyo administrativo',
      fr: 'Employés de type administratif',
      ru: 'Служащие, занятые подготовкой и оформлением документации, учетом и обслуживанием',
      tr: 'Büro hizmetlerinde çalışan elemanlar',
    },
  ],
  [
    '5',
    'Salgs- og serviceyrker',
    'Service and sales workers',
    {
      es: 'Trabajadores de los servicios y vendedores de comercios y mercados',
      fr: 'Personnel des services directs aux particuliers, commerçants et vendeurs',
      ru: 'Работники сферы обслуживания и торговли, охраны граждан и собственности',
      tr: 'Hizmet ve satış elemanları',
    },
  ],
  [
    '6',
    'Bønder, fiskere mv.',
    'Skilled agricultural, forestry and fishery workers',
    {
      es: 'Agricultores y trabajadores calificados agropecuarios, forestales y pesqueros',
      fr: "Agriculteurs et ouvriers qualifiés de l'agriculture, de la sylviculture et de la pêche",
      ru: 'Квалифицированные работники сельского и лесного хозяйства, рыбоводства и рыболовства',
      tr: 'Nitelikli tarım, ormancılık ve su ürünleri çalışanları',
    },
  ],
  [
    '7',
    'Håndverkere',
    'Craft and related trades workers',
    {
      es: 'Oficiales, operarios y artesanos de artes mecánicas y de otros oficios',
      fr: "Métiers qualifiés de l'industrie et de l'artisanat",
      ru: 'Квалифицированные рабочие промышленности, строительства, транспорта и рабочие родственных занятий',
      tr: 'Sanatkârlar ve ilgili işlerde çalışanlar',
    },
  ],
  [
    '8',
    'Prosess- og maskinoperatører, transportarbeidere mv.',
    'Plant and machine operators, and assemblers',
    {
      es: 'Operadores de instalaciones y máquinas y ensambladores',
      fr: "Conducteurs d'installations et de machines, et ouvriers de l'assemblage",
      ru: 'Операторы производственных установок и машин, сборщики и водители',
      tr: 'Tesis ve makine operatörleri ve montajcılar',
    },
  ],
  [
    '9',
    'Renholdere, hjelpearbeidere mv.',
    'Elementary occupations',
    {
      es: 'Ocupaciones elementales',
      fr: 'Professions élémentaires',
      ru: 'Неквалифицированные рабочие',
      tr: 'Nitelik gerektirmeyen meslekler',
    },
  ],
];

const SUB_MAJOR: readonly Row[] = [
  ['01', 'Offiserer', 'Commissioned armed forces officers'],
  ['02', 'Befal', 'Non-commissioned armed forces officers'],
  ['03', 'Vervede og menige', 'Armed forces occupations, other ranks'],
  ['11', 'Politikere og toppledere', 'Chief executives, senior officials and legislators'],
  ['12', 'Ledere innen administrasjon og forretningsdrift', 'Administrative and commercial managers'],
  ['13', 'Ledere innen produksjon og spesialiserte tjenester', 'Production and specialised services managers'],
  [
    '14',
    'Ledere innen hotell, restaurant, handel og annen tjenesteyting',
    'Hospitality, retail and other services managers',
  ],
  ['21', 'Realister, ingeniører og arkitekter', 'Science and engineering professionals'],
  ['22', 'Helseyrker (akademiske)', 'Health professionals'],
  ['23', 'Lærere', 'Teaching professionals'],
  ['24', 'Akademiske yrker innen økonomi og administrasjon', 'Business and administration professionals'],
  ['25', 'IKT-rådgivere', 'Information and communications technology professionals'],
  ['26', 'Akademiske yrker innen juss, samfunnsfag og kultur', 'Legal, social and cultural professionals'],
  ['31', 'Teknikere innen realfag og ingeniørfag', 'Science and engineering associate professionals'],
  ['32', 'Helseyrker (høyskole)', 'Health associate professionals'],
  ['33', 'Høyskoleyrker innen økonomi og administrasjon', 'Business and administration associate professionals'],
  [
    '34',
    'Høyskoleyrker innen juss, sosialt arbeid, kultur og idrett',
    'Legal, social, cultural and related associate professionals',
  ],
  ['35', 'IKT-teknikere', 'Information and communications technicians'],
  ['41', 'Allmenne kontoryrker', 'General and keyboard clerks'],
  ['42', 'Kundeserviceyrker', 'Customer services clerks'],
  ['43', 'Kontoryrker innen regnskap, lager og transport', 'Numerical and material recording clerks'],
  ['44', 'Andre kontoryrker', 'Other clerical support workers'],
  ['51', 'Personlig tjenesteyting', 'Personal service workers'],
  ['52', 'Salgsyrker', 'Sales workers'],
  ['53', 'Omsorgsyrker', 'Personal care workers'],
  ['54', 'Sikkerhetsyrker', 'Protective services workers'],
  ['61', 'Bønder, gartnere og dyreoppdrettere', 'Market-oriented skilled agricultural workers'],
  ['62', 'Skogbruks-, fiske- og fangstyrker', 'Market-oriented skilled forestry, fishery and hunting workers'],
  ['63', 'Selvbergingsbønder, -fiskere og -fangstfolk', 'Subsistence farmers, fishers, hunters and gatherers'],
  ['71', 'Byggehåndverkere (unntatt elektrikere)', 'Building and related trades workers, excluding electricians'],
  ['72', 'Metallhåndverkere, mekanikere mv.', 'Metal, machinery and related trades workers'],
  ['73', 'Kunsthåndverkere og grafiske yrker', 'Handicraft and printing workers'],
  ['74', 'Elektrikere og elektronikkmontører', 'Electrical and electronic trades workers'],
  [
    '75',
    'Næringsmiddel-, tre-, tekstil- og andre håndverkere',
    'Food processing, wood working, garment and other craft and related trades workers',
  ],
  ['81', 'Prosess- og maskinoperatører', 'Stationary plant and machine operators'],
  ['82', 'Montører', 'Assemblers'],
  ['83', 'Sjåfører og førere av mobile maskiner', 'Drivers and mobile plant operators'],
  ['91', 'Renholdere og hjelpearbeidere i husholdning', 'Cleaners and helpers'],
  ['92', 'Hjelpearbeidere i jordbruk, skogbruk og fiske', 'Agricultural, forestry and fishery labourers'],
  [
    '93',
    'Hjelpearbeidere i bergverk, bygg og anlegg, industri og transport',
    'Labourers in mining, construction, manufacturing and transport',
  ],
  ['94', 'Kjøkkenassistenter', 'Food preparation assistants'],
  ['95', 'Gateselgere og annen tjenesteyting på gaten', 'Street and related sales and service workers'],
  ['96', 'Renovasjonsarbeidere og andre hjelpearbeidere', 'Refuse workers and other elementary workers'],
];

/** Major groups, each followed by its sub-major groups (the picker's browsing order). */
export const OCCUPATIONS: readonly Occupation[] = MAJOR.flatMap(([code, nb, en, other]) => [
  { code, level: 1 as const, nb, en, other },
  ...SUB_MAJOR.filter(([c]) => c.startsWith(code)).map(([c, n, e]) => ({ code: c, level: 2 as const, nb: n, en: e })),
]);

export const OCCUPATION_CODES: readonly string[] = OCCUPATIONS.map((o) => o.code);

export function occupation(code: string): Occupation | undefined {
  return OCCUPATIONS.find((o) => o.code === code);
}

/** The title in a language: nb, nn (= nb), en, or a resident language where known; else English. */
export function occupationTitle(o: Occupation, language: string): string {
  if (language === 'nb' || language === 'nn') return o.nb;
  return o.other?.[language] ?? o.en;
}
