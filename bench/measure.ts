/**
 * Timing helpers for the benchmark. Every comparison is interleaved within
 * one run and reported as a ratio: the machine is shared, so absolute times
 * move with the load, while variants measured side by side move together.
 */
export type Task = () => unknown

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Milliseconds `fn` takes, awaited. */
export async function time(fn: Task): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Run every variant once per round, in rotating order, and keep each one's median (ms). */
export async function interleaved<K extends string>(variants: Record<K, Task>, rounds: number): Promise<Record<K, number>> {
  const names = Object.keys(variants) as K[]
  const samples = new Map<K, number[]>(names.map((name) => [name, []]))
  for (const name of names) await variants[name]() // warm-up
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!
      samples.get(name)!.push(await time(variants[name]))
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name)!)])) as Record<K, number>
}
