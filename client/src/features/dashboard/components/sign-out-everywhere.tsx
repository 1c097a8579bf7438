import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { FormError } from '../../../components/ui/form-error';

/**
 * [AC6] "Sign out everywhere", for a lost phone or a shared computer: asks first (it signs this browser out
 * too), then the route goes to sign-in with a confirmation. A failure stays in the dialog, said plainly.
 */
export function SignOutEverywhere({ onConfirm }: { onConfirm: () => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function confirm() {
    setBusy(true);
    setFailed(false);
    const ok = await onConfirm();
    setBusy(false);
    if (!ok) setFailed(true);
  }

  return (
    <>
      <Button variant="quiet" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      {open ? (
        <ConfirmDialog
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setOpen(false);
            setFailed(false);
          }}
        >
          <p>Every device signed in to your account is signed out, this one too. You can sign in again with your password.</p>
          {failed ? <FormError error="That did not work just now. Check your connection and try again." /> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
