import { TrackSource, type ParticipantPermission, type VideoGrant } from 'livekit-server-sdk';
import { isFacilitatorRole, Role } from '@hearth/shared';

/**
 * What each role may do in a LiveKit room, in one place: the join token's grant and the permission set
 * the server pushes with updateParticipant must never disagree. Invariants:
 * - [LK1] a member publishes camera and microphone only (no screen share), subscribes, and is no room admin;
 * - [LK2] facilitators and co-facilitators are room admins (the SFU lets them act on the room);
 * - [LK3] the supervisor is hidden and publishes nothing;
 * - [LK4] nobody publishes LiveKit data: Hearth's text goes over its own socket, where moderation and
 *   recipients are decided by the server, so a data channel would be a way around both;
 * - [LK5] updateParticipant replaces the permission set whole, so every flag is written out, never omitted.
 */

export type PermissionSet = Pick<ParticipantPermission, 'canSubscribe' | 'canPublish' | 'canPublishData' | 'canPublishSources' | 'hidden' | 'canUpdateMetadata'>;

/** The permission set for a role; under floor control a member without the floor keeps the camera only. */
export function permissionFor(role: Role, options: { mayPublishAudio: boolean }): PermissionSet {
  if (role === Role.supervisor) {
    return { canSubscribe: true, canPublish: false, canPublishData: false, canPublishSources: [], hidden: true, canUpdateMetadata: false };
  }
  const sources = options.mayPublishAudio ? [TrackSource.CAMERA, TrackSource.MICROPHONE] : [TrackSource.CAMERA];
  return { canSubscribe: true, canPublish: true, canPublishData: false, canPublishSources: sources, hidden: false, canUpdateMetadata: false };
}

/** [LR16] During a pull-aside: still receiving the session room, publishing nothing in it. */
export function asidePermissionFor(role: Role): PermissionSet {
  return { ...permissionFor(role, { mayPublishAudio: false }), canPublish: false, canPublishSources: [] };
}

/**
 * [LR16] The token for a pull-aside's own room: the two publish camera and microphone and receive each
 * other; nobody there is an admin, and, as everywhere, nobody publishes data ([LK4]).
 */
export function asideGrantFor(room: string): VideoGrant {
  return {
    room,
    roomJoin: true,
    roomAdmin: false,
    canSubscribe: true,
    canPublish: true,
    canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE],
    canPublishData: false,
    canUpdateOwnMetadata: false,
    hidden: false,
  };
}

/** Everything off: what a banned participant holds between the revoke and the removal. */
export const NO_PERMISSIONS: PermissionSet = {
  canSubscribe: false,
  canPublish: false,
  canPublishData: false,
  canPublishSources: [],
  hidden: false,
  canUpdateMetadata: false,
};

/** The join token's grant: one room only, and the same powers as `permissionFor`. */
export function joinGrantFor(role: Role, room: string, options: { mayPublishAudio: boolean } = { mayPublishAudio: true }): VideoGrant {
  const permission = permissionFor(role, options);
  return {
    room,
    roomJoin: true,
    roomAdmin: isFacilitatorRole(role),
    canSubscribe: permission.canSubscribe,
    canPublish: permission.canPublish,
    canPublishSources: permission.canPublishSources,
    canPublishData: permission.canPublishData,
    canUpdateOwnMetadata: false,
    hidden: permission.hidden,
  };
}
