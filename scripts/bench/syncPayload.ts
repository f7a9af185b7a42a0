import { gzipSync } from 'node:zlib';

/**
 * A fetch that keeps the bodies of what it sends and receives, to be gzipped AFTER the timed part
 * (gzipping inside it would add to the time measured).
 */
export class PayloadMeter {
  private requests: string[] = [];
  private responses: Uint8Array[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    if (typeof init?.body === 'string') this.requests.push(init.body);
    const res = await fetch(input, init);
    const body = new Uint8Array(await res.arrayBuffer());
    this.responses.push(body);
    const headers = new Headers(res.headers);
    // The body is already decoded: drop what described the encoded one.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(body, { status: res.status, headers });
  };

  reset(): void {
    this.requests = [];
    this.responses = [];
  }

  /** Bodies sent and received since the last reset, each gzipped (level 6, as a server would). */
  gzipBytes(): { request: number; response: number } {
    const size = (bodies: (string | Uint8Array)[]) => bodies.reduce((n, b) => n + gzipSync(b).length, 0);
    return { request: size(this.requests), response: size(this.responses) };
  }
}
