/**
 * The pull-aside: a facilitator's private audio and video with the person who asked for support, in
 * place of the group's stage for the two of them. Depends on media and the session.
 */
export { AsideProvider, TalkPrivatelyButton, useAside } from './aside-context';
export { Stage } from './stage';
