import type { KartleggDb } from './database.ts';

/**
 * Residents with a planned mapping session: the roster's "scheduled" list, and (with a mapping) who
 * an import must never remove.
 *
 * TODO(issue 5): sessions arrive with scheduling. Until then nobody is scheduled; this is the one
 * place to read them from, so the working lists and the import pick them up without other changes.
 */
export function scheduledResidentIds(_db: KartleggDb): Promise<Set<string>> {
  return Promise.resolve(new Set());
}
