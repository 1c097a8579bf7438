/**
 * What other modules (the hands queue's fair order, go-rounds) may ask of talk-time measurement,
 * without depending on how it is measured or stored. Implemented by TalkTimeService (talk-time.service.ts).
 */
export interface SpokenTimeSource {
  /** Milliseconds of speech credited so far this session, per participant id (absent = none yet). */
  spokenMsByParticipant(sessionId: string): ReadonlyMap<string, number>;
  /** Called when a participant starts speaking (as credited by the server). Returns an unsubscribe. */
  onSpeakingStarted(listener: (sessionId: string, participantId: string) => void): () => void;
}
