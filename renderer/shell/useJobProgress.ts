import { useEffect, useState } from 'react';
import type { EventPayload } from '../../shared/rpc/events';
import { useApi } from '../api/ApiContext';

/** The latest `job.progressed` report of one job. */
export type JobProgress = Pick<EventPayload<'job.progressed'>, 'label' | 'done' | 'total'>;

/**
 * Follows the core's `job.progressed` events of one job id (e.g. 'boardpack.export', 'demo') while
 * `active` is true. Returns null until the first report and whenever the job is not active, so a
 * finished run's last label never shows on the next one.
 */
export function useJobProgress(jobId: string, active: boolean): JobProgress | null {
  const api = useApi();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    if (!active) return undefined;
    const stop = api.on('job.progressed', (event) => {
      if (event.jobId === jobId) setProgress({ label: event.label, done: event.done, total: event.total });
    });
    return () => {
      stop();
      setProgress(null);
    };
  }, [api, jobId, active]);
  return active ? progress : null;
}
