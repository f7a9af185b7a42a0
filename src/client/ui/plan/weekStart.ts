/** The Monday of the week `date` (ISO) lies in, and the Sunday after: Norwegian weeks start on Monday. */
export function weekOf(date: string): { from: string; to: string } {
  const day = new Date(`${date}T00:00:00Z`);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}
