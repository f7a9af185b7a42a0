/**
 * The name of an export file: the app and the time, never a name or an id, so the file name itself
 * tells nobody whom it concerns. `kartlegg-unsynced-2026-11-23T10-00.json` (UTC).
 */
export function exportFileName(now: Date = new Date()): string {
  return `kartlegg-unsynced-${now.toISOString().slice(0, 16).replace(':', '-')}.json`;
}

/** Saves `data` as a JSON file: nothing leaves the device. */
export function downloadJson(fileName: string, data: unknown): void {
  downloadBlob(fileName, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
}

/** Saves CSV text (as planCsv.ts makes it: BOM, semicolons) as a file for Excel. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}

/** Saves a file through a temporary object URL, revoked right after the download started. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked shortly after: the download has started, and the data leaves memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
