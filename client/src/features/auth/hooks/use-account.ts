import { useCallback, useEffect, useState } from 'react';
import type { Account } from '@hearth/shared';
import type { ClientError } from '../../../lib/errors';
import { getAccount } from '../api/auth-api';

export type AccountState =
  | { status: 'loading' }
  | { status: 'signed-in'; account: Account }
  | { status: 'signed-out' }
  | { status: 'error'; error: ClientError };

/** Who is signed in, from GET /api/auth/me. A 401 is an ordinary answer here, not an error. */
export function useAccount(): { state: AccountState; retry: () => void } {
  const [state, setState] = useState<AccountState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    void getAccount().then((result) => {
      if (!active) return;
      if (result.ok) setState({ status: 'signed-in', account: result.value });
      else if (result.error.code === 'unauthenticated') setState({ status: 'signed-out' });
      else setState({ status: 'error', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
