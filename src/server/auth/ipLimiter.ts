/**
 * Wrong sign-ins per client address, in memory: a sliding window of failure times per address. It
 * stops one address from trying many usernames (the per-username lockout stops many tries on one).
 * Only failures count, so a classroom of tablets behind one address signs in freely. Per server
 * instance; behind a reverse proxy set KARTLEGG_TRUST_PROXY=1 so the address is the client's, not the
 * proxy's.
 */
export class IpLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 30,
    readonly windowMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this address may try again, or 0. */
  blockedForSeconds(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[recent.length - this.maxFailures] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.set(address, recent);
    // Bounded memory: forget addresses whose window has passed once the map grows large.
    if (this.failures.size > 10_000) {
      for (const a of [...this.failures.keys()]) if (this.recent(a).length === 0) this.failures.delete(a);
    }
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(address, kept);
    else this.failures.delete(address);
    return kept;
  }
}
