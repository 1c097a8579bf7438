import { useEffect, useRef } from 'react';

/**
 * The person's own camera before joining. Always muted: hearing yourself back is confusing and
 * causes feedback. The element stays in the page when the camera is off so its label is stable;
 * a calm placeholder covers it instead.
 */
export function CameraPreview({ stream, videoOn, starting }: { stream: MediaStream | null; videoOn: boolean; starting: boolean }) {
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = true;
    if (video.srcObject !== stream) video.srcObject = stream;
    if (stream) video.play().catch(() => undefined);
  }, [stream]);

  return (
    <div className="preview">
      <video ref={videoRef} className="preview__video" muted autoPlay playsInline aria-label="Your camera preview" />
      {!videoOn ? (
        <p className="preview__placeholder">{starting ? 'Starting your camera…' : 'Your camera is off'}</p>
      ) : null}
    </div>
  );
}
