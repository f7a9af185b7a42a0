/**
 * PostgreSQL's jsonb cannot hold the character U+0000. A mutation carrying one would fail its statement
 * on every resend and block the client's queue, so it is rejected as invalid instead, and recorded with
 * the character replaced (U+FFFD).
 */
export function withoutNul(value: unknown): { value: unknown; hadNul: boolean } {
  let hadNul = false;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('\u0000')) return v;
      hadNul = true;
      return v.replaceAll('\u0000', '\uFFFD');
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), clean(x)]));
    }
    return v;
  };
  const result = clean(value);
  return { value: hadNul ? result : value, hadNul };
}
