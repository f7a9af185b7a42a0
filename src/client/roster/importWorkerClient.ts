import type { ListSide, LoadReply, PreviewReply, PreviewRequest, WorkerResponse } from './importProtocol.ts';

export class ImportWorkerError extends Error {}

/**
 * The import worker as promises. One worker per import screen: it keeps the parsed files between
 * choosing them and the preview, and is terminated when the screen closes (freeing the memory the
 * lists take).
 */
export class ImportWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  #nextId = 1;

  constructor() {
    // Vite bundles the worker as its own chunk from this exact expression; the service worker
    // precaches it with the other chunks, so an import works offline.
    this.#worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
    this.#worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const waiting = this.#waiting.get(event.data.id);
      this.#waiting.delete(event.data.id);
      waiting?.resolve(event.data);
    });
    // The script could not load or threw outside a request: every open request fails.
    this.#worker.addEventListener('error', () => this.#failAll());
    this.#worker.addEventListener('messageerror', () => this.#failAll());
  }

  /** Decodes and parses a file; the bytes are moved to the worker, not copied. */
  async load(list: ListSide, name: string, bytes: ArrayBuffer): Promise<LoadReply> {
    const response = await this.#request((id) => {
      this.#worker.postMessage({ id, kind: 'load', list, name, bytes }, [bytes]);
    });
    if (response.kind !== 'load') throw new ImportWorkerError('load failed');
    return response.reply;
  }

  async preview(request: PreviewRequest): Promise<PreviewReply> {
    const response = await this.#request((id) => this.#worker.postMessage({ id, kind: 'preview', request }));
    if (response.kind !== 'preview') throw new ImportWorkerError('preview failed');
    return response.reply;
  }

  terminate(): void {
    this.#worker.terminate();
    this.#failAll();
  }

  #request(send: (id: number) => void): Promise<WorkerResponse> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  #failAll(): void {
    for (const { reject } of this.#waiting.values()) reject(new ImportWorkerError('worker failed'));
    this.#waiting.clear();
  }
}
