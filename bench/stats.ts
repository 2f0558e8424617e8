/**
 * Small tools shared by the benchmark sections of `npm run bench`: timing, percentiles,
 * durations people can read, and plain-text tables.
 */

/** One benchmark of `npm run bench`, run by name (`npm run bench -- answer`). */
export interface BenchSection {
  name: string;
  /** One line on what it measures. */
  about: string;
  /** Runs the benchmark, prints its report, and says whether every target was met. */
  run(): Promise<boolean>;
}

/** The `p`th percentile (0–100) of `samples`, by nearest rank: p50 is the median, p100 the maximum. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError("percentile of no samples");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is not between 0 and 100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * Calls `fn` once per input, `rounds` times over all inputs, and returns the time of every call
 * in milliseconds: one array per round, in input order.
 */
export function timeEach<T>(fn: (input: T) => unknown, inputs: readonly T[], rounds: number): number[][] {
  const out: number[][] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (const input of inputs) {
      const start = process.hrtime.bigint();
      const result = fn(input);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      // Touch the result so the call cannot be optimised away.
      if (result === sink) sink++;
    }
    out.push(times);
  }
  return out;
}

/**
 * Calls `fn` over the inputs, whole passes again and again, until the JIT has settled: at least
 * `minMs`, then until `calm` passes in a row are none of them more than 5% faster than the fastest
 * pass before them (code still being optimised makes each pass faster than the last), at most
 * `maxMs`. A second of warm-up was too short for the answer engine on two shared cores: timed
 * straight after it, p50 and p99 were twice and five times what they settled to seconds later.
 * Returns the mean time of a call over the last pass, to plan how many rounds fit in a budget.
 */
export function warmUp<T>(
  fn: (input: T) => unknown,
  inputs: readonly T[],
  { minMs, maxMs, calm = 5 }: { minMs: number; maxMs: number; calm?: number },
): { perCallMs: number; warmMs: number } {
  if (inputs.length === 0) return { perCallMs: 0, warmMs: 0 };
  const start = performance.now();
  let fastest = Number.POSITIVE_INFINITY;
  let calmPasses = 0;
  for (;;) {
    const passStart = performance.now();
    let calls = 0;
    for (const input of inputs) {
      fn(input);
      calls++;
      // (One pass of a slow baseline can outlast the whole budget: stop inside it.)
      const now = performance.now();
      if (now - start >= maxMs) return { perCallMs: (now - passStart) / calls, warmMs: now - start };
    }
    const pass = performance.now() - passStart;
    calmPasses = pass < fastest * 0.95 ? 0 : calmPasses + 1;
    fastest = Math.min(fastest, pass);
    const warmMs = performance.now() - start;
    if (warmMs >= maxMs || (warmMs >= minMs && calmPasses >= calm))
      return { perCallMs: pass / inputs.length, warmMs };
  }
}

/**
 * How to spend a time budget on calls that take `perCallMs` each: as many rounds over all
 * `inputs` as fit (between `min` and `max`); when even `min` rounds do not fit, `min` rounds
 * over as many inputs as do (at least `minInputs`).
 */
export function planRounds(
  perCallMs: number,
  inputs: number,
  budgetMs: number,
  bounds: { min: number; max: number; minInputs: number },
): { rounds: number; inputs: number } {
  const rounds = Math.floor(budgetMs / (perCallMs * inputs));
  if (rounds >= bounds.min) return { rounds: Math.min(bounds.max, rounds), inputs };
  const fit = Math.floor(budgetMs / (perCallMs * bounds.min));
  return { rounds: bounds.min, inputs: Math.min(inputs, Math.max(bounds.minInputs, fit)) };
}

/** `count` items spread evenly over `items` (all of them when `count` is not smaller). */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, j) => items[Math.floor((j * items.length) / count)] as T);
}

/** p50 and p99 of each round, and the median of each over the rounds (steadier than pooling). */
export function summarise(rounds: readonly number[][]): { p50: number; p99: number } {
  return {
    p50: median(rounds.map((r) => percentile(r, 50))),
    p99: median(rounds.map((r) => percentile(r, 99))),
  };
}

/** "48.2 µs", "1.23 ms", "12.3 s": three significant digits in the unit that fits. */
export function formatDuration(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

/** "2.31×": a ratio with three significant digits. */
export function formatRatio(ratio: number): string {
  return `${ratio.toPrecision(3)}×`;
}

/** One row of a plain-text table with fixed column widths, so rows can be printed as they come. */
export function tableRow(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
}

/** Lays out rows as a left-aligned plain-text table; the first row is the header. */
export function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) => tableRow(row, widths)).join("\n");
}
