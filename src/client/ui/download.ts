/**
 * The name of an export file: the app and the time, never a name or an id, so the file name itself
 * tells nobody whom it concerns. `kartlegg-unsynced-2026-11-23T10-00.json` (UTC).
 */
export function exportFileName(now: Date = new Date()): string {
  return `kartlegg-unsynced-${now.toISOString().slice(0, 16).replace(':', '-')}.json`;
}

/** Saves `data` as a JSON file through a temporary object URL: nothing leaves the device. */
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked shortly after: the download has started, and the personal data leaves memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
