import { loadList, type LoadedList } from '../../domain/roster/list.ts';
import type { ListSide, LoadReply, WorkerRequest, WorkerResponse } from './importProtocol.ts';
import { previewImport } from './importPreview.ts';

/**
 * The roster import off the main thread: decode, parse and guess the columns of each file as it is
 * chosen ("load"), then read the people with the chosen mappings, match, classify and compare with
 * the roster ("preview"). The same domain code as `kartlegg roster preview`. Never logs: every value
 * here is personal data.
 */

const loaded: Partial<Record<ListSide, LoadedList>> = {};

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    response =
      request.kind === 'load'
        ? { id: request.id, kind: 'load', reply: load(request.list, request.name, request.bytes) }
        : { id: request.id, kind: 'preview', reply: previewImport(loaded.A, loaded.B, request.request) };
  } catch {
    response = { id: request.id, kind: 'failed' };
  }
  postMessage(response);
});

function load(list: ListSide, name: string, bytes: ArrayBuffer): LoadReply {
  delete loaded[list];
  const result = loadList({ name, bytes: new Uint8Array(bytes) });
  if (!result.ok) return result;
  loaded[list] = result.list;
  const { file, encoding, warnings, delimiter, headerRow, header, records, guess } = result.list;
  return { ok: true, summary: { file, encoding, warnings, delimiter, headerRow, header, rows: records.length, guess } };
}
