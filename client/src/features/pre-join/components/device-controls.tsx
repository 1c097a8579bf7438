import { SelectField } from '../../../components/ui/select-field';
import { ToggleButton } from '../../../components/ui/toggle-button';
import { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon } from '../../../components/ui/icons';
import type { DeviceOption, PreviewMedia } from '../hooks/use-preview-media';

function deviceOptions(devices: DeviceOption[], none: string) {
  if (devices.length === 0) return [{ value: '', label: none }];
  return devices.map((device) => ({ value: device.deviceId, label: device.label }));
}

/** Turn the microphone and camera on or off, and choose which ones, before joining. */
export function DeviceControls({ preview }: { preview: PreviewMedia }) {
  return (
    <div className="device-controls">
      <div className="device-controls__toggles">
        <ToggleButton label="Microphone" pressed={preview.audio} onToggle={preview.toggleMicrophone}
          icon={preview.audio ? <MicIcon /> : <MicOffIcon />} />
        <ToggleButton label="Camera" pressed={preview.video} onToggle={preview.toggleCamera}
          icon={preview.video ? <CameraIcon /> : <CameraOffIcon />} />
      </div>
      <div className="device-controls__selects">
        <SelectField label="Camera" options={deviceOptions(preview.cameras, 'Default camera')} value={preview.cameraId}
          onChange={(e) => preview.selectCamera(e.target.value)} disabled={preview.cameras.length === 0} />
        <SelectField label="Microphone" options={deviceOptions(preview.microphones, 'Default microphone')}
          value={preview.microphoneId} onChange={(e) => preview.selectMicrophone(e.target.value)}
          disabled={preview.microphones.length === 0} />
      </div>
    </div>
  );
}
