import type { KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { CameraIcon, CameraOffIcon, LeaveIcon, MicIcon, MicOffIcon } from '../../../components/ui/icons';
import { ToggleButton } from '../../../components/ui/toggle-button';

export interface ControlsToolbarProps {
  audio: boolean;
  video: boolean;
  onToggleMicrophone: () => void;
  onToggleCamera: () => void;
  onLeave: () => void;
  leaving: boolean;
  /** [SV3] The hidden supervisor has no microphone or camera to turn on: only Leave is offered. */
  observer?: boolean;
}

/** Left and right arrows move between the controls, as in any toolbar; Tab still reaches each one. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  event.preventDefault();
  const step = event.key === 'ArrowRight' ? 1 : -1;
  buttons[(index + step + buttons.length) % buttons.length]?.focus();
}

export function ControlsToolbar({ audio, video, onToggleMicrophone, onToggleCamera, onLeave, leaving, observer = false }: ControlsToolbarProps) {
  return (
    <div role="toolbar" aria-label="Call controls" className="toolbar" onKeyDown={moveFocus}>
      {observer ? null : (
        <>
          <ToggleButton label="Microphone" pressed={audio} onToggle={onToggleMicrophone} icon={audio ? <MicIcon /> : <MicOffIcon />} />
          <ToggleButton label="Camera" pressed={video} onToggle={onToggleCamera} icon={video ? <CameraIcon /> : <CameraOffIcon />} />
        </>
      )}
      <Button variant="danger" className="toolbar__leave" onClick={onLeave} disabled={leaving}>
        <LeaveIcon />
        <span>Leave</span>
      </Button>
    </div>
  );
}
