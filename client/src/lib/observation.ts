/**
 * [SV6] What a person is told before joining a group that allows observation: the pre-join page and the
 * ground-rules consent gate say the same words, and the room says when an observer is present.
 */
export const OBSERVATION_STATEMENT =
  'A supervisor may observe this group’s sessions: they see and hear the group, and do not speak or appear. When one is present, everyone in the room sees “An observer is present”.';
