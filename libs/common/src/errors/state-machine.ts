import { isMessageKey, text, Text } from '../i18n/translate.js';
import { DomainError, ErrorCode } from './domain-error.js';

/**
 * A state machine: every status with the statuses it may become next (an empty list: it is final).
 * Each domain declares its own next to its entity; `requireTransition` is the one check of them all.
 */
export type StateMachine<S extends string> = Readonly<Record<S, readonly S[]>>;

/** "A", "A or B", "A, B or C". */
export function listOr(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/**
 * A move the state machine does not allow (CONFLICT). The message names the allowed next states
 * ("An application that is SUBMITTED can become UNDER_REVIEW, SHORTLISTED, REJECTED or WITHDRAWN;
 * not AWARDED"), and `extensions` carry them: `from`, `to` and `allowed` (a list, empty when final).
 * Its `text` is the same sentence in the catalogues (`transition.*`; the subject is `subjects.<subject>`,
 * `reasonText` the reason's) when the catalogue knows the subject.
 */
export class TransitionError extends DomainError {
  constructor(
    subject: string,
    from: string,
    to: string,
    allowed: readonly string[],
    reason?: string,
    reasonText?: Text,
  ) {
    const what = `${subject} that is ${from}`;
    const rule = allowed.length
      ? `${what} can become ${listOr(allowed)}; not ${to}`
      : `${what} is final: it cannot become ${to}`;
    super(
      ErrorCode.CONFLICT,
      reason ? `${reason} (${rule})` : capitalize(rule),
      { from, to, allowed: [...allowed] },
      transitionText(subject, from, to, allowed, reason, reasonText),
    );
  }
}

/** The catalogue form of a TransitionError's message (none when the subject or the reason has no key). */
function transitionText(
  subject: string,
  from: string,
  to: string,
  allowed: readonly string[],
  reason?: string,
  reasonText?: Text,
): Text | undefined {
  const subjectKey = `subjects.${subject}`;
  if (!isMessageKey(subjectKey) || (reason && !reasonText)) return undefined;
  // without a reason the sentence starts with the subject: capitalized, as the English one
  const who = reasonText ? text(subjectKey) : { capitalized: text(subjectKey) };
  const rule = allowed.length
    ? text('transition.allowed', { subject: who, from, to, allowed: { anyOf: allowed } })
    : text('transition.final', { subject: who, from, to });
  return reasonText ? text('transition.withReason', { reason: reasonText, rule }) : rule;
}

/**
 * Checks `from → to` against `machine`; TransitionError otherwise. `subject` is the noun with its
 * article, as the message starts: "an application", "a fund", "an organization". `reason`, when
 * given, leads the message ("The invitation was already accepted (an invitation that is …)").
 */
export function requireTransition<S extends string>(
  machine: StateMachine<S>,
  subject: string,
  from: S,
  to: S,
  reason?: string,
  reasonText?: Text,
): void {
  const allowed = machine[from] ?? [];
  if (!allowed.includes(to)) throw new TransitionError(subject, from, to, allowed, reason, reasonText);
}

const capitalize = (value: string) => `${value.charAt(0).toUpperCase()}${value.slice(1)}`;
