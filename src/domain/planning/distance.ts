import type { Place } from './model.ts';

/** Mean Earth radius (IUGG), km: the spherical model is well within a metre per km at Norway's scale. */
const EARTH_RADIUS_KM = 6371.0088;

/** Straight-line (great-circle) distance in km by the haversine formula. */
export function distanceKm(a: Pick<Place, 'lat' | 'lon'>, b: Pick<Place, 'lat' | 'lon'>): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * IMDi: the reception centre provides a bus ticket when the place is more than 6 km away. The rule
 * is the straight line (what the user is shown), not the road distance; exactly at the threshold
 * needs no ticket.
 */
export function busTicketNeeded(km: number, thresholdKm: number): boolean {
  return km > thresholdKm;
}

/** The travel note between a centre and a place: the distance to one decimal, and the bus-ticket rule. */
export function travel(
  centre: Pick<Place, 'lat' | 'lon'>,
  place: Pick<Place, 'lat' | 'lon'>,
  thresholdKm: number,
): { km: number; busTicket: boolean } {
  const km = distanceKm(centre, place);
  return { km: Math.round(km * 10) / 10, busTicket: busTicketNeeded(km, thresholdKm) };
}
