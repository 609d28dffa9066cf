import type { ApiClient } from './api-client.ts';
import type { RoomId, RoomFormat } from './rooms.ts';
import type { UserId } from './types.ts';

/** The server's series id; the client only echoes it back. */
export type SeriesId = string;

export type SeriesKind = 'OPEN' | 'CLOSED';
export type SeriesState = 'PLANNED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED';
export type SessionState = 'SCHEDULED' | 'LOBBY' | 'LIVE' | 'ENDED' | 'CANCELLED';
export type StaffRole = 'FACILITATOR' | 'PEER_SUPPORTER';
export type EnrolmentStatus = 'ENROLLED' | 'WAITLISTED' | 'WITHDRAWN';

/**
 * A text in Finnish, Swedish and English, as the series templates carry their themes. Swedish may
 * be empty (shown in Finnish); a language the server does not keep is absent.
 */
export type LocalisedText = {
  fi: string;
  sv?: string;
  en: string;
};

/** One meeting of a series as the public calendar shows it. */
export type CalendarSession = {
  id: string;
  position: number;
  theme: LocalisedText;
  startsAt: string;
  endsAt: string;
  state: SessionState;
  roomId: RoomId | null;
};

/** One series in the public calendar; `seatsLeft` is null for open groups. */
export type CalendarSeries = {
  seriesId: SeriesId;
  title: string;
  audienceNote: string | null;
  kind: SeriesKind;
  state: SeriesState;
  ageMin: number | null;
  ageMax: number | null;
  seatsLeft: number | null;
  sessions: CalendarSession[];
  /** Discussions, or information sessions that parents follow and put questions to (absent: discussions). */
  format?: RoomFormat;
};

export type StaffMember = {
  accountId: UserId;
  displayName: string;
  role: StaffRole;
};

export type SeriesSession = Omit<CalendarSession, 'roomId'>;

/** A series with its plan and staff (signed-in users only). */
export type Series = {
  id: SeriesId;
  templateId: string;
  title: string;
  audienceNote: string | null;
  kind: SeriesKind;
  zone: string;
  startTime: string;
  lengthMinutes: number;
  intervalWeeks: number;
  capacity: number | null;
  minParticipants: number | null;
  decisionDate: string | null;
  ageMin: number | null;
  ageMax: number | null;
  state: SeriesState;
  staff: StaffMember[];
  sessions: SeriesSession[];
  format?: RoomFormat;
};

export type Enrolment = {
  seriesId: SeriesId;
  accountId: UserId;
  status: EnrolmentStatus;
  waitlistPosition: number | null;
  requestedAt: string;
};

function seriesPath(id: SeriesId): string {
  return `/api/series/${encodeURIComponent(id)}`;
}

/** The public calendar between two dates (YYYY-MM-DD, inclusive); needs no sign-in. */
export function fetchCalendar(api: ApiClient, from: string, to: string): Promise<CalendarSeries[]> {
  const params = new URLSearchParams({ from, to });
  return api.get<CalendarSeries[]>(`/api/calendar?${params.toString()}`, { auth: false });
}

/** One series as the public calendar shows it; needs no sign-in. */
export function fetchCalendarSeries(api: ApiClient, id: SeriesId): Promise<CalendarSeries> {
  return api.get<CalendarSeries>(`/api/calendar/series/${encodeURIComponent(id)}`, { auth: false });
}

/** The address of a series' iCalendar file, for "add to calendar". */
export function seriesIcsUrl(id: SeriesId): string {
  return `/api/calendar/series/${encodeURIComponent(id)}.ics`;
}

export function fetchSeries(api: ApiClient, id: SeriesId): Promise<Series> {
  return api.get<Series>(seriesPath(id));
}

/** One's own enrolment; rejects with 404 `series.not_enrolled` when there is none. */
export function fetchEnrolment(api: ApiClient, id: SeriesId): Promise<Enrolment> {
  return api.get<Enrolment>(`${seriesPath(id)}/enrolment`);
}

export function enrol(api: ApiClient, id: SeriesId): Promise<Enrolment> {
  return api.post<Enrolment>(`${seriesPath(id)}/enrolment`, {});
}

export function withdraw(api: ApiClient, id: SeriesId): Promise<Enrolment> {
  return api.request<Enrolment>('DELETE', `${seriesPath(id)}/enrolment`);
}

/** One of one's own sessions that has not ended; `session.roomId` appears once its lobby opens. */
export type MySession = {
  seriesId: SeriesId;
  seriesTitle: string;
  session: CalendarSession;
};

export function fetchMySessions(api: ApiClient): Promise<MySession[]> {
  return api.get<MySession[]>('/api/me/sessions');
}
