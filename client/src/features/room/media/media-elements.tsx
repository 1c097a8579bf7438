import { useEffect, useRef } from 'react';

/**
 * <video> and <audio> bound to a MediaStream. srcObject and `muted` are DOM properties React does
 * not manage reliably, so they are set on the element directly.
 */
export function StreamVideo({ stream, hidden }: { stream: MediaStream | null; hidden?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    // Video elements never play sound: remote audio has its own <audio> element, own audio is never played.
    video.muted = true;
    if (video.srcObject !== stream) video.srcObject = stream;
    if (stream) video.play().catch(() => undefined);
  }, [stream]);
  return <video ref={ref} className="tile__video" autoPlay playsInline muted hidden={hidden} />;
}

/** Plays one remote participant. `muted` enforces a mute on the receiving side. */
export function StreamAudio({ stream, muted }: { stream: MediaStream | null; muted: boolean }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    if (audio.srcObject !== stream) audio.srcObject = stream;
    if (stream) audio.play().catch(() => undefined);
  }, [stream]);
  useEffect(() => {
    if (ref.current) ref.current.muted = muted;
  }, [muted]);
  return <audio ref={ref} autoPlay />;
}
