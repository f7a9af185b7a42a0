import { describe, expect, it } from 'vitest';
import { nextAppointment } from '../../../src/domain/planning/appointment.ts';
import { interpreterOrders } from '../../../src/domain/planning/interpreterOrders.ts';
import { osloInstant } from '../../../src/domain/planning/osloTime.ts';
import { interpreterOrdersCsv, weeklyListCsv } from '../../../src/domain/planning/planCsv.ts';
import type { PlaceRecord, PlannedSession } from '../../../src/domain/planning/records.ts';
import { appointmentLink, weeklyList, type ListedResident } from '../../../src/domain/planning/weeklyList.ts';
import { residentLanguageOf } from '../../../src/domain/residentLanguages.ts';

const places: PlaceRecord[] = [
  {
    id: 'room',
    name: 'Voksenopplæringen',
    kind: 'mappingLocation',
    address: 'Skolegata 1',
    lat: 61.1153,
    lon: 10.4662,
  },
  // About 0.6 km and 22.7 km from the room.
  { id: 'near', name: 'Fjellheim mottak', kind: 'receptionCentre', address: null, lat: 61.1193, lon: 10.4762 },
  { id: 'far', name: 'Åsen mottak', kind: 'receptionCentre', address: null, lat: 61.3153, lon: 10.3462 },
];
const residents = new Map<string, ListedResident>(
  [
    {
      id: 'r1',
      givenName: 'Amina',
      familyName: 'Yusuf',
      duf: '201912345678',
      language: 'Arabisk',
      receptionCentre: 'Åsen mottak',
    },
    {
      id: 'r2',
      givenName: 'Hmm',
      familyName: '=HYPERLINK("x")',
      duf: null,
      language: 'Arabisk',
      receptionCentre: 'fjellheim mottak',
    },
    { id: 'r3', givenName: 'Ola', familyName: 'Berg', language: 'norsk', receptionCentre: 'Ukjentheim' },
    { id: 'r4', givenName: 'Kom', familyName: 'Ikke', language: 'Arabisk', receptionCentre: 'Åsen mottak' },
  ].map((r) => [r.id, r]),
);
const slot = (start: string, end: string, residentId: string | null, status: 'planned' | 'noShow' = 'planned') => ({
  start,
  end,
  residentId,
  status,
  locked: false,
});
const sessions: PlannedSession[] = [
  {
    id: 's1',
    date: '2026-12-01',
    start: '09:00',
    end: '12:00',
    placeId: 'room',
    mapper: 'Kari',
    slotMinutes: 60,
    language: 'Arabisk',
    interpreter: { language: 'Arabisk', category: 'C', mode: 'video', name: 'Tolk Tolkesen' },
    slots: [slot('09:00', '10:00', 'r1'), slot('10:00', '11:00', 'r4', 'noShow'), slot('11:00', '12:00', 'r2')],
  },
  {
    id: 's2',
    date: '2026-07-01',
    start: '09:00',
    end: '10:00',
    placeId: 'room',
    mapper: 'Kari',
    slotMinutes: 60,
    language: 'norsk',
    interpreter: null,
    slots: [slot('09:00', '10:00', 'r3')],
  },
  { ...sessionOutside() },
];
function sessionOutside(): PlannedSession {
  return { ...sessions0(), id: 's3', date: '2026-12-09' };
}
function sessions0(): PlannedSession {
  return {
    id: 's0',
    date: '2026-12-01',
    start: '13:00',
    end: '14:00',
    placeId: 'room',
    mapper: 'Kari',
    slotMinutes: 60,
    language: 'Arabisk',
    interpreter: { language: 'Arabisk', category: null, mode: 'inPerson' },
    slots: [slot('13:00', '14:00', 'r1')],
  };
}

const list = () => weeklyList({ sessions, places, residents, from: '2026-06-29', to: '2026-12-06', busTicketKm: 6 });

describe('the weekly list for the reception centres', () => {
  it('groups the week by centre, with the bus-ticket rule, and leaves out no-shows and other weeks', () => {
    const lists = list();
    expect(lists.map((l) => [l.centre, l.rows.map((r) => r.residentId)])).toEqual([
      ['Fjellheim mottak', ['r2']],
      // A centre that is not a known place keeps its name from the lists; its distance is unknown.
      ['Ukjentheim', ['r3']],
      ['Åsen mottak', ['r1']],
    ]);
    const [fjellheim, unknown, asen] = lists.map((l) => l.rows[0]);
    expect(asen).toMatchObject({
      busTicket: true,
      interpreter: true,
      infoLanguage: 'ar',
      startsAt: '2026-12-01T09:00:00+01:00',
    });
    expect(asen?.distanceKm).toBeGreaterThan(20);
    expect(fjellheim).toMatchObject({ busTicket: false, name: '=HYPERLINK("x"), Hmm' });
    expect(unknown).toMatchObject({ distanceKm: null, busTicket: null, interpreter: false, infoLanguage: 'nb' });
    expect(unknown?.startsAt).toBe('2026-07-01T09:00:00+02:00');
  });

  it('writes a CSV Norwegian Excel opens: BOM, semicolons, Norwegian headers, formulas neutralised', () => {
    const csv = weeklyListCsv(list());
    expect(csv.startsWith('\uFEFFMottak;Navn;DUF-nummer;Dato;Tid;Sted;Adresse;Reise;Tolkespråk\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[3]).toMatch(
      /^Åsen mottak;Yusuf, Amina;201912345678;01\.12\.2026;09:00–10:00;Voksenopplæringen;Skolegata 1;Bussbillett \(\d+,\d km\);Arabisk$/,
    );
    expect(lines[1]).toContain(`;"'=HYPERLINK(""x""), Hmm";`);
    expect(lines[1]).toMatch(/;Ingen bussbillett \(0,\d km\);/);
    expect(lines[2]).toBe(
      'Ukjentheim;Berg, Ola;;01.07.2026;09:00–10:00;Voksenopplæringen;Skolegata 1;Ukjent avstand;Ingen tolk (norsk)',
    );
  });

  it('links the QR code to the information screens with the time and place only', () => {
    const row = list()[2]?.rows[0];
    const link = appointmentLink('https://k.example', row!);
    expect(link).toBe(
      'https://k.example/info/ar?t=2026-12-01T09%3A00%3A00%2B01%3A00&p=Voksenoppl%C3%A6ringen%2C+Skolegata+1',
    );
    expect(link).not.toMatch(/Yusuf|Amina|201912345678|r1/);
    expect(appointmentLink('https://k.example', { ...row!, infoLanguage: undefined })).toMatch(
      /^https:\/\/k\.example\/info\?t=/,
    );
  });

  it('gives a resident’s next planned appointment, and none to a no-show', () => {
    expect(nextAppointment('r1', sessions, places)).toEqual({
      start: '2026-12-01T09:00:00+01:00',
      place: 'Voksenopplæringen, Skolegata 1',
    });
    expect(nextAppointment('r4', sessions, places)).toBeUndefined();
  });

  it('finds the information language of a mother tongue as NIR writes it', () => {
    expect(['Arabisk', ' tigrinja', 'Dari', 'Sorani', 'ti', 'Lingala', null].map(residentLanguageOf)).toEqual([
      'ar',
      'ti',
      'prs',
      'ckb',
      'ti',
      undefined,
      undefined,
    ]);
  });

  it('knows Oslo’s offset on both sides of a daylight-saving change', () => {
    expect(osloInstant('2026-03-28', '10:00')).toBe('2026-03-28T10:00:00+01:00');
    expect(osloInstant('2026-03-29', '10:00')).toBe('2026-03-29T10:00:00+02:00');
    expect(osloInstant('2026-10-25', '10:00')).toBe('2026-10-25T10:00:00+01:00');
  });
});

describe('interpreter orders', () => {
  it('lists one order per session with an interpreter, by language and time, without names', () => {
    const orders = interpreterOrders(sessions, places, '2026-11-30', '2026-12-06');
    expect(orders).toEqual([
      expect.objectContaining({
        sessionId: 's1',
        language: 'Arabisk',
        mode: 'video',
        category: 'C',
        residents: 2,
        interpreterName: 'Tolk Tolkesen',
      }),
    ]);
    const csv = interpreterOrdersCsv(orders);
    expect(csv).toBe(
      '\uFEFFSpråk;Dato;Fra;Til;Sted;Adresse;Oppmøte;Kategori;Antall beboere;Tolk\r\n' +
        'Arabisk;01.12.2026;09:00;12:00;Voksenopplæringen;Skolegata 1;Video;C eller bedre;2;Tolk Tolkesen\r\n',
    );
  });
});
