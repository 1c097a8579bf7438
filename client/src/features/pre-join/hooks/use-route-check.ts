import { useCallback, useEffect, useState } from 'react';
import type { IceServer } from '@hearth/shared';
import { gatherCandidateTypes, routeVerdict, type RouteVerdict } from '../lib/route-check';

/** `again`: a check the person asked for, so the page keeps their button (and its focus) while it runs. */
export type RouteCheck = { status: 'checking'; again: boolean } | { status: 'done'; verdict: RouteVerdict };

interface Result {
  servers: readonly IceServer[];
  round: number;
  verdict: RouteVerdict;
}

/**
 * [TN3] Runs the route check once the servers are known, and again on `retry` (after changing network). A
 * result counts only for the servers and round it was made for; until then the check is in progress.
 */
export function useRouteCheck(servers: readonly IceServer[] | null): { check: RouteCheck | null; retry: () => void } {
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<Result | null>(null);
  const nothingToCheck = servers !== null && routeVerdict(servers, []) === 'not_checked';
  useEffect(() => {
    if (!servers || nothingToCheck) return undefined;
    let active = true;
    void gatherCandidateTypes(servers)
      .catch(() => [] as string[])
      .then((types) => {
        if (active) setResult({ servers, round, verdict: routeVerdict(servers, types) });
      });
    return () => {
      active = false;
    };
  }, [servers, round, nothingToCheck]);
  const retry = useCallback(() => setRound((n) => n + 1), []);
  if (!servers) return { check: null, retry };
  if (nothingToCheck) return { check: { status: 'done', verdict: 'not_checked' }, retry };
  const current = result && result.servers === servers && result.round === round;
  return { check: current ? { status: 'done', verdict: result.verdict } : { status: 'checking', again: round > 0 }, retry };
}
