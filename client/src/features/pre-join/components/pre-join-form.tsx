import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form-error';
import { OrganisationSchema, maxLengthOf } from '@hearth/shared';
import type { ClientError } from '../../../lib/errors';
import { checkName, checkOptionalText, focusFirstInvalid, optional } from '../../../lib/validation';
import type { PreviewMedia } from '../hooks/use-preview-media';
import { CameraPreview } from './camera-preview';
import { DeviceControls } from './device-controls';

export interface JoinDetails {
  displayName: string;
  organisation?: string | undefined;
}

export interface PreJoinFormProps {
  preview: PreviewMedia;
  /** Shown above the form: which group and session this is. */
  about?: ReactNode;
  /** [TN3] The connection check's result, under the device controls. */
  routeCheck?: ReactNode;
  defaultName?: string;
  askOrganisation: boolean;
  busy: boolean;
  error: ClientError | null;
  onJoin: (details: JoinDetails) => void;
}

/** The check-yourself screen shared by members (invite link) and facilitators (dashboard). */
export function PreJoinForm({ preview, about, routeCheck, defaultName = '', askOrganisation, busy, error, onJoin }: PreJoinFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(defaultName);
  const [organisation, setOrganisation] = useState('');
  const [errors, setErrors] = useState<{ displayName?: string | null; organisation?: string | null }>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      displayName: checkName(displayName),
      organisation: askOrganisation ? checkOptionalText(organisation, maxLengthOf(OrganisationSchema)) : null,
    };
    setErrors(next);
    if (next.displayName || next.organisation) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    onJoin({ displayName: displayName.trim(), organisation: askOrganisation ? optional(organisation) : undefined });
  }

  return (
    <div className="pre-join">
      {/* What this is comes first: on a phone it is read before the camera and the form. */}
      {about ? <div className="pre-join__about">{about}</div> : null}
      <div className="pre-join__media">
        <CameraPreview stream={preview.stream} videoOn={preview.video} starting={preview.status === 'starting'} />
        {preview.problem ? <p className="notice">{preview.problem}</p> : null}
        <DeviceControls preview={preview} />
        {routeCheck}
      </div>
      <form ref={formRef} className="form pre-join__form" onSubmit={submit} noValidate>
        <Field label="Your name" autoComplete="nickname" value={displayName} onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName} hint="A first name or a pseudonym is fine. Everyone in the session will see it." required />
        {askOrganisation ? (
          <Field label="Organisation (optional)" autoComplete="organization" value={organisation}
            onChange={(e) => setOrganisation(e.target.value)} error={errors.organisation}
            hint="Shown next to your name in the room. Leave it empty if you prefer." />
        ) : null}
        <FormError error={error} />
        <Button type="submit" variant="primary" className="pre-join__join" disabled={busy} aria-busy={busy}>
          Join
        </Button>
        <p className="muted pre-join__privacy">Nothing is recorded. You can leave at any time.</p>
      </form>
    </div>
  );
}
