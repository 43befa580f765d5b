/**
 * Message timestamps (`ts`) as Slack writes them: Unix seconds with six
 * decimals, unique and increasing, so they identify a message in a channel.
 */

/** Makes strictly increasing ts values from a clock in milliseconds. */
export function createTsSource(nowMs: () => number): () => string {
  let last = -1n;
  return () => {
    const micros = BigInt(Math.floor(nowMs())) * 1000n;
    last = micros > last ? micros : last + 1n;
    return formatTs(last);
  };
}

export function formatTs(micros: bigint): string {
  return `${micros / 1_000_000n}.${String(micros % 1_000_000n).padStart(6, '0')}`;
}

/** A ts or an `oldest`/`latest` bound (`1595987654`, `1595987654.5`) in microseconds; null if unreadable. */
export function parseTs(value: unknown): bigint | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return null;
  const match = /^(\d+)(?:\.(\d{0,6})\d*)?$/u.exec(text.trim());
  if (!match) return null;
  return BigInt(match[1] ?? '0') * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
}
