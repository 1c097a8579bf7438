/**
 * Getting the camera and microphone. Shared by the pre-join screen (first acquisition, device
 * switching) and the room (rejoining after a leave or a reconnect). Failures are described in plain
 * words; joining without a camera or microphone is always allowed, so nothing here throws.
 */

export interface MediaWants {
  audio: boolean;
  video: boolean;
  microphoneId?: string | undefined;
  cameraId?: string | undefined;
}

export interface AcquiredMedia {
  stream: MediaStream;
  /** Set when some of what was asked for could not be had; shown to the person as is. */
  problem: string | null;
}

function constraint(wanted: boolean, deviceId: string | undefined): boolean | MediaTrackConstraints {
  if (!wanted) return false;
  return deviceId ? { deviceId: { exact: deviceId } } : true;
}

export function describeMediaError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Your browser is not letting Hearth use your camera or microphone. You can allow it from the address bar, or join without them.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return "We couldn't find a camera or microphone. You can still join and listen.";
    case 'NotReadableError':
    case 'AbortError':
      return 'Your camera or microphone seems to be in use by another app. Close it and try again, or join without it.';
    default:
      return "We couldn't start your camera or microphone. You can still join and listen.";
  }
}

async function tryGet(constraints: MediaStreamConstraints): Promise<MediaStream | { error: unknown }> {
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    return { error };
  }
}

/**
 * Asks for what is wanted; if the pair fails, falls back to each device alone so one broken or
 * refused device does not take the other with it.
 */
export async function acquireMedia(wants: MediaWants): Promise<AcquiredMedia> {
  if (!wants.audio && !wants.video) return { stream: new MediaStream(), problem: null };
  if (!navigator.mediaDevices?.getUserMedia) {
    return { stream: new MediaStream(), problem: 'This browser cannot share a camera or microphone here. You can still join and listen.' };
  }
  const both = await tryGet({
    audio: constraint(wants.audio, wants.microphoneId),
    video: constraint(wants.video, wants.cameraId),
  });
  if (both instanceof MediaStream) return { stream: both, problem: null };
  if (!(wants.audio && wants.video)) return { stream: new MediaStream(), problem: describeMediaError(both.error) };

  const tracks: MediaStreamTrack[] = [];
  for (const kind of ['audio', 'video'] as const) {
    const one = await tryGet(kind === 'audio'
      ? { audio: constraint(true, wants.microphoneId) }
      : { video: constraint(true, wants.cameraId) });
    if (one instanceof MediaStream) tracks.push(...one.getTracks());
  }
  return { stream: new MediaStream(tracks), problem: describeMediaError(both.error) };
}

/** One new track of a kind, or null with the reason. */
export async function acquireTrack(
  kind: 'audio' | 'video',
  deviceId: string | undefined,
): Promise<{ track: MediaStreamTrack | null; problem: string | null }> {
  const result = await tryGet(kind === 'audio' ? { audio: constraint(true, deviceId) } : { video: constraint(true, deviceId) });
  if (result instanceof MediaStream) return { track: result.getTracks()[0] ?? null, problem: null };
  return { track: null, problem: describeMediaError(result.error) };
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** The device a live track is using, so a rejoin can ask for the same camera and microphone. */
export function deviceIdOf(stream: MediaStream | null, kind: 'audio' | 'video'): string | undefined {
  const track = kind === 'audio' ? stream?.getAudioTracks()[0] : stream?.getVideoTracks()[0];
  return track?.getSettings().deviceId || undefined;
}

export function hasLiveTrack(stream: MediaStream | null, kind: 'audio' | 'video'): boolean {
  const tracks = kind === 'audio' ? stream?.getAudioTracks() : stream?.getVideoTracks();
  return (tracks ?? []).some((track) => track.readyState === 'live');
}
