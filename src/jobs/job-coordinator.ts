// The daily job runs once a day however many eolwatch processes start it: a store role, so the wiring
// asks the store it has rather than which kind of store it is.

export type JobOutcome<T> = { ran: true; result: T } | { ran: false; by: string };

export interface JobCoordinator {
  /**
   * Runs `run` as `job` for `day` unless a run of it already finished that day (then says by whom).
   * PostgreSQL decides among replicas; the JSON store serves one bot (it holds a lock), so it just runs.
   */
  runOnce<T>(job: string, day: string, runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>>;
}
