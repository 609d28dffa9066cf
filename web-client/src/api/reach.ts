import type { ApiClient } from './api-client.ts';

/** What a person switches on or off per channel, as the server names it (`NoticeKind.Category`). */
export const noticeCategories = ['REMINDERS', 'SCHEDULE', 'ENROLMENT', 'SERIES', 'SAFETY', 'OTHER'] as const;

export type NoticeCategory = (typeof noticeCategories)[number];

export function isNoticeCategory(value: string): value is NoticeCategory {
  return (noticeCategories as readonly string[]).includes(value);
}

/**
 * How one is reached outside the app (`GET /api/me/reach`). The address is only ever sent to its
 * owner. Quiet hours are Helsinki time, `HH:mm` (the server may add seconds), both or neither.
 */
export type ReachSettings = {
  language: string;
  email: string | null;
  emailVerified: boolean;
  fullTexts: boolean;
  remindHourBefore: boolean;
  quietFrom: string | null;
  quietUntil: string | null;
  emailCategories: NoticeCategory[];
  pushCategories: NoticeCategory[];
};

/** What `PUT /api/me/reach` takes: everything but the address, which has its own calls. */
export type ReachChange = Omit<ReachSettings, 'email' | 'emailVerified'>;

/** A message the embedded SMTP server received, as administrators see it, newest first. */
export type CapturedMessage = {
  index: number;
  to: string[];
  subject: string | null;
  sentAt: string | null;
  text: string;
  /** Each attachment as `name (content type)`, e.g. a meeting's calendar entry. */
  attachments: string[];
};

type Json = Record<string, unknown>;

function categoriesOf(value: unknown): NoticeCategory[] {
  return Array.isArray(value) ? value.filter((item): item is NoticeCategory => typeof item === 'string' && isNoticeCategory(item)) : [];
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Reads the server's settings, dropping anything of the wrong shape (an unknown category, say). */
export function toReachSettings(value: unknown): ReachSettings {
  const json = (typeof value === 'object' && value !== null ? value : {}) as Json;
  return {
    language: typeof json['language'] === 'string' ? json['language'] : 'fi',
    email: textOrNull(json['email']),
    emailVerified: json['emailVerified'] === true,
    fullTexts: json['fullTexts'] === true,
    remindHourBefore: json['remindHourBefore'] === true,
    quietFrom: textOrNull(json['quietFrom']),
    quietUntil: textOrNull(json['quietUntil']),
    emailCategories: categoriesOf(json['emailCategories']),
    pushCategories: categoriesOf(json['pushCategories']),
  };
}

export async function fetchReach(api: ApiClient): Promise<ReachSettings> {
  return toReachSettings(await api.get<unknown>('/api/me/reach'));
}

/** Refusals: `validation.failed` (fields `language`, `quietFrom`, `quietUntil`, the categories). */
export async function saveReach(api: ApiClient, change: ReachChange): Promise<ReachSettings> {
  return toReachSettings(await api.put<unknown>('/api/me/reach', change));
}

/** The language of one's e-mails and push messages: the interface language. */
export function saveReachLanguage(api: ApiClient, language: string): Promise<void> {
  return api.put<void>('/api/me/reach/language', { language });
}

/**
 * Sends a link to the address; it becomes one's own when the link is opened. Refusals:
 * `validation.failed` (field `email`), `reach.guest_no_email`, `reach.too_many_links`, `reach.mail_unavailable`.
 */
export function addEmail(api: ApiClient, email: string): Promise<void> {
  return api.post<void>('/api/me/email', { email });
}

export function removeEmail(api: ApiClient): Promise<void> {
  return api.request<void>('DELETE', '/api/me/email');
}

/** The token of a link from the e-mail; needs no sign-in. Refusals: `reach.link_invalid`, `reach.email_taken`. */
export function verifyEmail(api: ApiClient, token: string): Promise<void> {
  return api.post<void>('/api/reach/verify', { token }, { auth: false });
}

/** Stops the categories' e-mail for the key of an unsubscribe link; needs no sign-in. Refusal: `reach.unsubscribe_unknown`. */
export function unsubscribe(api: ApiClient, key: string, categories: readonly NoticeCategory[]): Promise<void> {
  const query = new URLSearchParams({ key, categories: categories.join(',') });
  return api.post<void>(`/api/reach/unsubscribe?${query.toString()}`, {}, { auth: false });
}

/** Administrators only; `reach.no_captured_mail` when mail goes to a real SMTP server. */
export async function fetchCapturedMail(api: ApiClient): Promise<CapturedMessage[]> {
  const items = await api.get<unknown>('/api/admin/captured-mail');
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) => {
    const json = (typeof item === 'object' && item !== null ? item : {}) as Json;
    const index = json['index'];
    if (typeof index !== 'number') return [];
    const to = Array.isArray(json['to']) ? json['to'].filter((address): address is string => typeof address === 'string') : [];
    return [
      {
        index,
        to,
        subject: textOrNull(json['subject']),
        // an instant as ISO text, or as milliseconds from a server that writes dates as numbers
        sentAt: typeof json['sentAt'] === 'number' ? new Date(json['sentAt']).toISOString() : textOrNull(json['sentAt']),
        text: typeof json['text'] === 'string' ? json['text'] : '',
        attachments: Array.isArray(json['attachments'])
          ? json['attachments'].filter((name): name is string => typeof name === 'string')
          : [],
      },
    ];
  });
}
