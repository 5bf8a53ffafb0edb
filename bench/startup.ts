/**
 * Start-up: whole `liaison draft.txt` processes against `node -e 0`, one of
 * each per run, as wall-clock medians (what a user waits for). On Linux
 * it also gives each variant's mean CPU time, read from the kernel's count of
 * the CPU used by this process's finished children (/proc/self/stat): a
 * busy machine stretches wall time while CPU time barely moves.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {median, time} from './measure.ts'

export interface Startup {
  runs: number
  nodeMs: number
  liaisonMs: number
  ratio: number
  baselineMs?: number
  baselineRatio?: number
  /** Mean CPU milliseconds (user and system) of one process, by variant; absent where the kernel does not say. */
  cpuMs?: Record<string, number>
}

/** User plus system CPU milliseconds of this process's waited-for children, or undefined off Linux. */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined
  const stat = readFileSync('/proc/self/stat', 'utf8')
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis): cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[13]) + Number(fields[14])
  // USER_HZ is 100 on every Linux architecture Node supports.
  return Number.isFinite(ticks) ? ticks * 10 : undefined
}

/** Run `liaison draft` from each tree (`root`, and `baseline` when given) and `node -e 0`, `runs` times each, interleaved. */
export async function measureStartup(draft: string, runs: number, root: string, baselineRoot?: string): Promise<Startup> {
  const spawn = (args: readonly string[]) => () => {
    const result = spawnSync(process.execPath, args, {encoding: 'utf8'})
    if (result.status === null || result.status > 1) throw new Error(`bench: node ${args.join(' ')} failed:\n${result.stderr}`)
  }
  const variants: Record<string, () => void> = {node: spawn(['-e', '0']), liaison: spawn([join(root, 'dist/src/cli/bin.js'), draft])}
  if (baselineRoot !== undefined) variants.baseline = spawn([join(baselineRoot, 'dist/src/cli/bin.js'), draft])
  const names = Object.keys(variants)
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]))
  const cpu: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]))
  for (let run = 0; run < runs; run++) {
    for (const name of names) {
      const before = childrenCpuMs()
      samples[name]!.push(await time(variants[name]!))
      const after = childrenCpuMs()
      if (before !== undefined && after !== undefined) cpu[name]! += after - before
    }
  }
  const nodeMs = median(samples.node!)
  const liaisonMs = median(samples.liaison!)
  return {
    runs,
    nodeMs,
    liaisonMs,
    ratio: liaisonMs / nodeMs,
    ...(baselineRoot !== undefined && {baselineMs: median(samples.baseline!), baselineRatio: median(samples.baseline!) / nodeMs}),
    ...(childrenCpuMs() !== undefined && {cpuMs: Object.fromEntries(names.map((name) => [name, cpu[name]! / runs]))}),
  }
}

/** One line per variant's mean CPU time and its ratio to `node -e 0`'s. */
export function renderStartupCpu({cpuMs}: Startup): string {
  if (!cpuMs) return '(CPU time of child processes is only read on Linux)'
  return Object.entries(cpuMs)
    .map(([name, ms]) => `- CPU, ${name}: ${ms.toFixed(1)} ms per run, ${(ms / cpuMs.node!).toFixed(2)}× \`node -e 0\``)
    .join('\n')
}
