/**
 * Timing helpers for the benchmark. Every comparison is interleaved within
 * one run and reported as a ratio: the machine is shared, so absolute times
 * move with the load, while variants measured side by side move together.
 */
export type Task = () => unknown

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Wall-clock milliseconds `fn` takes, awaited: for whole processes (start-up). */
export async function time(fn: Task): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/**
 * CPU milliseconds (user + system, every thread of this process) `fn` takes:
 * for work inside this process. On a shared machine wall time mostly
 * measures the wait for a core (at load 18 on 2 cores, five times the CPU time).
 */
export async function cpuTime(fn: Task): Promise<number> {
  const start = process.cpuUsage()
  await fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e3
}

/** Run every variant once per round, in rotating order, and keep each one's median CPU time (ms). */
export async function interleaved<K extends string>(variants: Record<K, Task>, rounds: number): Promise<Record<K, number>> {
  const names = Object.keys(variants) as K[]
  const samples = new Map<K, number[]>(names.map((name) => [name, []]))
  for (const name of names) await variants[name]() // warm-up
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!
      samples.get(name)!.push(await cpuTime(variants[name]))
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name)!)])) as Record<K, number>
}
