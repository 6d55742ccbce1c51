// Who a reminder run is, and whether the run holding a claim is still alive: a run on this host is
// alive while its process is (a crashed or killed run's claims are taken over at once); a run
// elsewhere (another replica) until its lease runs out.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { withinLease } from '../reminders/claim-reminder.js';

export function newRunId(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

export function claimHolderAlive(claimedBy: string, claimedAt: string, now: string): boolean {
  if (!withinLease(claimedAt, now)) return false;
  const [host, pid] = claimedBy.split('/');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return true;
  return processAlive(Number(pid));
}
