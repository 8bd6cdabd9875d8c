/** Summary statistics of numeric samples: median, spread (p10..p90, min, max) and count. */
export function summarize(samples) {
  if (samples.length === 0) throw new Error("summarize: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), p99: at(0.99), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

const fmt = (value) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));

/** Prints one figure line: `name: median X unit (p10 A, p90 B, min C, max D, n=N)`. Returns the summary. */
export function report(name, samples, unit) {
  const s = summarize(samples);
  console.log(
    `${name}: median ${fmt(s.median)} ${unit} (p10 ${fmt(s.p10)}, p90 ${fmt(s.p90)}, min ${fmt(s.min)}, max ${fmt(s.max)}, n=${s.n})`,
  );
  return s;
}

/** Prints `name: ratio X.XXx (ours / reference)` when both figures exist. */
export function reportRatio(name, ours, reference) {
  if (reference === undefined || reference === 0) return;
  console.log(`${name}: ratio ${(ours / reference).toFixed(2)}x (ours ${fmt(ours)} / reference ${fmt(reference)})`);
}
