import type { RuleTemplate } from '@hearth/shared';

/**
 * Starting points a facilitator adopts and then edits with the group. Each covers confidentiality and its
 * limits, respect, one voice at a time, the right to pass, no advice unless asked, no recording or
 * screenshots, and phones away, worded for who is in the room.
 */
const shared = {
  oneVoice: 'One voice at a time. Raise your hand or wait for a pause before speaking.',
  pass: 'You always have the right to pass. Nobody has to share or answer.',
  recording: 'No recording, photos or screenshots of the session or anyone in it.',
  phones: 'Phones away and notifications off, so we can give each other our attention.',
};

export const ruleTemplates: RuleTemplate[] = [
  {
    id: 'peer_support',
    name: 'Peer support group',
    confidentiality:
      'What is shared here stays here: we do not repeat names or stories outside the group. The facilitators will break confidentiality only if someone is at risk of serious harm to themselves or to others, or if the law requires it, and will tell the person first wherever they safely can.',
    rules: [
      'Treat each other with respect: no judging, no put-downs, and speak from your own experience ("I", not "you").',
      shared.oneVoice,
      shared.pass,
      'No advice unless someone asks for it. We share what worked for us; we do not tell others what to do.',
      shared.recording,
      shared.phones,
    ],
  },
  {
    id: 'client_support',
    name: 'Client support group',
    confidentiality:
      'What members share stays in the group. The facilitators are staff of the service: they keep what you say confidential within the care team, except where there is a risk of serious harm to you or to someone else, a child or adult is at risk, or the law requires it. If that happens they will talk with you first wherever they safely can.',
    rules: [
      'Respect everyone here, including when we disagree. No discrimination or personal remarks.',
      shared.oneVoice,
      shared.pass,
      'No advice unless asked: if you want suggestions, say so.',
      shared.recording,
      shared.phones,
      'If you need a break or support during the session, use "I need support" and a facilitator will be with you privately.',
    ],
  },
  {
    id: 'staff_support',
    name: 'Staff support group across organisations',
    confidentiality:
      'What colleagues share stays in this group and is not taken back to anyone\'s organisation or manager. Talk about clients and service users only without details that could identify them. The limits: if something shared shows a risk of serious harm to anyone, or a safeguarding concern, the facilitators will act on it and will tell the person first wherever they safely can.',
    rules: [
      'Respect each other\'s roles and organisations; this is a space among equals, not a meeting about performance.',
      shared.oneVoice,
      shared.pass,
      'No advice or fixing unless asked; listening comes first.',
      shared.recording,
      shared.phones,
    ],
  },
];
