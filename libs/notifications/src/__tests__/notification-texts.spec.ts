import { isMessageKey, MessageKey, Params, text, translate } from '@app/common';
import { en } from '../../../common/src/i18n/catalogue.en.js';
import { enumText } from '../notification.processors.js';

/**
 * Issue 14: the notifications' catalogue sentences. Their English is what the processors wrote
 * before (the sentences below are the template strings they used, with sample values), since the
 * English columns, e-mails and exports keep reading it; French and Spanish exist for every key.
 */
const name = 'Ghanaian Teachers UK';
const other = 'Volta Schools Trust';
const title = 'Education Futures Fund';
const project = 'Solar Classrooms';
const at = '2031-03-05T14:07:30.000Z';
const minute = '2031-03-05 14:07';
const status = enumText('notifications.applicationStatus', 'UNDER_REVIEW');

const BEFORE: Array<[MessageKey, Params, string]> = [
  ['notifications.FUND_MATCH.title', { organization: name, fund: title }, `New fund for ${name}: ${title}`],
  [
    'notifications.FUND_MATCH.body',
    { organization: name, fund: title, score: { decimal: 0.5, digits: 2 }, deadline: { date: at } },
    `"${title}" fits ${name} (match score 0.50). Deadline: ${minute} UTC.`,
  ],
  ['notifications.FUND_CLOSED.title', { fund: title }, `Fund closed: ${title}`],
  [
    'notifications.FUND_CLOSED.body',
    { fund: title, deadline: { date: at } },
    `The deadline of "${title}" passed on ${minute} UTC; the fund is closed. Its applications await your decisions.`,
  ],
  ['notifications.APPLICATION_DEADLINE_REMINDER.title', { fund: title }, `Deadline soon: ${title}`],
  [
    'notifications.APPLICATION_DEADLINE_REMINDER.body',
    { project, fund: title, deadline: { date: at } },
    `The application of "${project}" to "${title}" is still a draft; the fund closes on ${minute} UTC. Submit it before then.`,
  ],
  ['notifications.PARTNERSHIP_PROPOSED.title', { initiator: name }, `${name} proposes a partnership`],
  [
    'notifications.PARTNERSHIP_PROPOSED.body',
    { initiator: name, kind: enumText('notifications.partnershipKind', 'CO_IMPLEMENTATION'), partner: other },
    `${name} proposes a co implementation partnership to ${other}. Accept or decline it.`,
  ],
  [
    'notifications.PARTNERSHIP_ANSWERED.title.declined',
    { partner: text('notifications.someone.partner') },
    'The partner declined your partnership proposal',
  ],
  [
    'notifications.APPLICATION_DECIDED.title',
    { fund: title, status: enumText('notifications.applicationStatus', 'AWARDED') },
    `Your application to ${title} is awarded`,
  ],
  [
    'notifications.APPLICATION_DECIDED.body',
    { project, fund: title, status },
    `The application of "${project}" to "${title}" is now under review.`,
  ],
  [
    'notifications.VERIFICATION_DECIDED.body.rejectedWithNote',
    { organization: name, note: 'Send the statutes.' },
    `A moderator rejected the verification of ${name}: Send the statutes. You may request it again.`,
  ],
  [
    'notifications.VERIFICATION_DECIDED.body.rejected',
    { organization: name },
    `A moderator rejected the verification of ${name}. You may request it again.`,
  ],
  [
    'notifications.ENROLMENT_PROMOTED.body',
    { training: title },
    `A seat freed up in "${title}": your enrolment moved from the waiting list to accepted.`,
  ],
  [
    'notifications.CANDIDATE_SHORTLISTED.body',
    { funder: text('notifications.someone.funder'), fund: title },
    `A funder shortlisted your organization for "${title}" and invites you to apply.`,
  ],
  [
    'notifications.APPLICATION_WITHDRAWN.body',
    { applicant: text('notifications.someone.organization'), project, fund: title, status },
    `An organization withdrew the application of "${project}" to "${title}" (it was under review).`,
  ],
  [
    'notifications.INVITATION_REMINDER.body',
    { consultation: title, closesAt: { date: at } },
    `Your organization has not answered the invitation to "${title}"; the consultation closes on ${minute} UTC. Accept it to contribute, or decline it.`,
  ],
  [
    'notifications.CONTRIBUTION_SUBMITTED.title',
    { contributor: text('notifications.someone.organization'), consultation: title },
    `New contribution from An organization: ${title}`,
  ],
  [
    'notifications.CONSULTATION_CLOSED.body.withoutOutcome',
    { consultation: title, convener: name },
    `"${title}" is closed and takes no more contributions. ${name} may publish its outcome later.`,
  ],
  [
    'notifications.VERIFICATION_REQUESTED.body.again',
    { organization: name, note: 'Statutes attached' },
    `${name} awaits verification again. Statutes attached.`,
  ],
];

describe('notification sentences', () => {
  it.each(BEFORE)('%s: the English is what the processors wrote before', (key, params, english) => {
    expect(translate('en', key, params)).toBe(english);
  });

  it('has French and Spanish of its own for every notification sentence', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('notifications.')) as MessageKey[];
    expect(keys.length).toBeGreaterThan(60);
    // words that are the same in the three languages
    const same = new Set<string>(['notifications.partnershipKind.ALLIANCE']);
    for (const key of keys.filter((k) => !same.has(k))) {
      expect({ key, fr: translate('fr', key) }).not.toEqual({ key, fr: translate('en', key) });
      expect({ key, es: translate('es', key) }).not.toEqual({ key, es: translate('en', key) });
    }
  });

  it('names every application status and partnership kind; an unknown value reads as it always did', () => {
    for (const value of ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED', 'AWARDED', 'REJECTED', 'WITHDRAWN']) {
      expect(isMessageKey(`notifications.applicationStatus.${value}`)).toBe(true);
    }
    for (const value of ['CO_IMPLEMENTATION', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'ALLIANCE', 'TWINNING', 'MENTORING']) {
      expect(isMessageKey(`notifications.partnershipKind.${value}`)).toBe(true);
    }
    expect(enumText('notifications.applicationStatus', 'ON_HOLD')).toBe('on hold');
  });
});
