/**
 * Talk-time measurement for this person: their client detects speech on their own microphone and
 * reports it (`talk:report`); the server decides what is credited. Runs while in the call, never for
 * the hidden supervisor (who has no microphone) and sends nothing while the microphone is off or
 * the person is silent. The level is read from the local track, so mesh and LiveKit modes measure alike.
 * No React state: the reporter runs on its own timers.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useLatest } from '../../../lib/use-latest';
import { MicrophoneMeter } from '../../../media/speaking/microphone-meter';
import { TalkReporter } from '../../../media/speaking/talk-reporter';
import type { MediaFlags, RoomCommand } from '../session';

interface Options {
  /** In the call as someone who may speak (false for the hidden supervisor and outside the call). */
  active: boolean;
  /** This person's microphone track (also while muted), or null when they have none. */
  microphone: MediaStreamTrack | null;
  /** Read at every poll: speech is measured only while the person's microphone is on. */
  flagsRef: RefObject<MediaFlags>;
  command: RoomCommand;
}

export function useTalkReport({ active, microphone, flagsRef, command }: Options) {
  const meterRef = useRef<MicrophoneMeter | null>(null);
  const reporterRef = useRef<TalkReporter | null>(null);
  const latest = useLatest({ command });

  useEffect(() => {
    if (!active) return undefined;
    const meter = new MicrophoneMeter();
    meterRef.current = meter;
    const reporter = new TalkReporter({
      level: () => (flagsRef.current.audio ? meter.level() : null),
      send: async (report) => (await latest.current.command('talk:report', report)).ok,
    });
    reporter.start();
    reporterRef.current = reporter;
    return () => {
      reporterRef.current = null;
      reporter.stop();
      meter.close();
      meterRef.current = null;
    };
  }, [active, flagsRef, latest]);

  useEffect(() => {
    meterRef.current?.use(active ? microphone : null);
  }, [active, microphone]);

  /** Call as the person presses the microphone toggle: turning it off ends their speech at the press. */
  const beforeMicrophoneToggle = useCallback(() => {
    if (flagsRef.current.audio) reporterRef.current?.microphoneTurningOff();
  }, [flagsRef]);
  return { beforeMicrophoneToggle };
}
