import { useEffect, useId, useRef, useState } from 'react';
import type { Session } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { endSession } from '../api/dashboard-api';

/**
 * Ending a session closes the room for everyone, so it takes two steps. The confirmation replaces
 * the button in place (rather than a modal) so the facilitator keeps their bearings on a long page.
 */
export function EndSessionControl({ session, onEnded }: { session: Session; onEnded: (session: Session) => void }) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const endRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Move focus into the confirmation when it opens, and back to the button when it is dismissed.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) endRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await endSession(session.id);
    setBusy(false);
    if (result.ok) onEnded(result.value);
    else setError(result.error);
  }

  if (!confirming) {
    return (
      <Button ref={endRef} variant="danger" onClick={() => setConfirming(true)}>
        End session
      </Button>
    );
  }
  return (
    <div className="confirm-inline" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="confirm-inline__question">
        End this session for everyone in the room?
      </p>
      <div className="confirm-inline__actions">
        <Button variant="danger" onClick={confirm} disabled={busy}>
          Yes, end session
        </Button>
        <Button ref={cancelRef} onClick={() => setConfirming(false)} disabled={busy}>
          Cancel
        </Button>
      </div>
      <FormError error={error} />
    </div>
  );
}
