// CPU time used so far (user and system, in ms), read from /proc: a cost per request or update that the
// shared machine's noise moves far less than a rate. Linux only, as the benches' machine is.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function statOf(pid: string | number): { name: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name, ms: (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS) };
  } catch {
    return null; // gone meanwhile
  }
}

/** One process's CPU time so far. */
export const processCpuMs = (pid: number | undefined): number => statOf(pid ?? 0)?.ms ?? Number.NaN;

/** Every PostgreSQL server process's CPU time so far (the backends serving a pool persist through a run). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = statOf(pid);
    if (stat?.name === 'postgres') total += stat.ms;
  }
  return total;
}
