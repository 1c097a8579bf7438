import { ModerationPanel } from './moderation-panel';
import { useModeration } from './moderation-context';
import { UnmutePrompt } from './unmute-prompt';

/** The moderation part's place in the call: the session controls for facilitators, the ask to unmute for a member asked. */
export function SessionControls() {
  const moderation = useModeration();
  return moderation.facilitator ? <ModerationPanel moderation={moderation} /> : <UnmutePrompt moderation={moderation} />;
}
