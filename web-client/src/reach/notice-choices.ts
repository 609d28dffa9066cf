import { type NoticeCategory, type ReachChange, type ReachSettings, noticeCategories } from '../api/reach.ts';
import type { CurrentUser } from '../api/types.ts';

/**
 * The categories a person is offered: safety notices (reports, risk flags, requests to talk,
 * escalated concerns) reach only facilitators, coordinators and administrators, so only they
 * see that choice.
 */
export function categoriesFor(user: CurrentUser | null): readonly NoticeCategory[] {
  const staff = user?.roles.some((role) => role === 'FACILITATOR' || role === 'COORDINATOR' || role === 'ADMIN') ?? false;
  return noticeCategories.filter((category) => category !== 'SAFETY' || staff);
}

/** `22:00:00` or `22:00` as a time input shows it, `22:00`; anything else as empty. */
export function hoursAndMinutes(value: string | null): string {
  const match = value === null ? null : /^(\d{2}):(\d{2})/.exec(value);
  return match === null ? '' : `${match[1]}:${match[2]}`;
}

/** The field of quiet hours left empty when the other is given (both or neither), or null. */
export function missingQuietHour(from: string, until: string): 'quietFrom' | 'quietUntil' | null {
  if ((from === '') === (until === '')) return null;
  return from === '' ? 'quietFrom' : 'quietUntil';
}

/** What the form holds: the boxes ticked among the categories shown, the rest as typed. */
export type NoticeChoices = {
  language: string;
  fullTexts: boolean;
  remindHourBefore: boolean;
  quietFrom: string;
  quietUntil: string;
  shown: readonly NoticeCategory[];
  email: ReadonlySet<NoticeCategory>;
  push: ReadonlySet<NoticeCategory>;
};

/**
 * The body of `PUT /api/me/reach`: the categories shown as chosen, those not shown as they were
 * (a parent who once was staff keeps what they had chosen for safety notices), in the server's
 * order; quiet hours both or neither.
 */
export function changeOf(current: ReachSettings, choices: NoticeChoices): ReachChange {
  const chosen = (ticked: ReadonlySet<NoticeCategory>, before: readonly NoticeCategory[]): NoticeCategory[] =>
    noticeCategories.filter((category) => (choices.shown.includes(category) ? ticked.has(category) : before.includes(category)));
  const quiet = choices.quietFrom !== '' && choices.quietUntil !== '';
  return {
    language: choices.language,
    fullTexts: choices.fullTexts,
    remindHourBefore: choices.remindHourBefore,
    quietFrom: quiet ? choices.quietFrom : null,
    quietUntil: quiet ? choices.quietUntil : null,
    emailCategories: chosen(choices.email, current.emailCategories),
    pushCategories: chosen(choices.push, current.pushCategories),
  };
}
