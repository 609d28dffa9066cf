import type { RoomFormat } from './rooms.ts';
import type { ApiClient } from './api-client.ts';
import type { Role } from './types.ts';
import type { LocalisedText, Series, SeriesId, SeriesKind, SeriesState, SessionState } from './series.ts';

/** One theme of a programme template, at its place (from 1). */
export type TemplateTheme = {
  position: number;
  title: LocalisedText;
  description: LocalisedText;
};

/** A programme series are planned from; `version` guards against overwriting someone else's edit. */
export type ProgrammeTemplate = {
  id: string;
  code: string;
  kind: SeriesKind;
  defaultLengthMinutes: number;
  title: LocalisedText;
  description: LocalisedText;
  sessions: TemplateTheme[];
  version: number;
  /** The format a series planned from it takes unless its coordinator chooses another. */
  format?: RoomFormat;
};

export type TemplateEditRequest = {
  version: number;
  title: LocalisedText;
  description: LocalisedText;
  defaultLengthMinutes: number;
  /** `from`: the theme's place as loaded (its material moves with it); left out for a new theme. */
  sessions: { title: LocalisedText; description: LocalisedText; from?: number }[];
};

/** One template session's material and exercise, language code → text (languages without text left out). */
export type SessionMaterial = {
  position: number;
  material: Readonly<Record<string, string>>;
  exercise: Readonly<Record<string, string>>;
};

/** A change of one session's texts: `""` removes a language, a language left out stays as it is. */
export type SessionMaterialEdit = {
  material: Record<string, string>;
  exercise: Record<string, string>;
};

/** A facilitator or peer supporter who can be named to a series. */
export type StaffAccount = {
  id: string;
  displayName: string;
  roles: Role[];
};

export type PlanRequest = {
  templateId: string;
  title: string;
  audienceNote: string;
  firstDate: string;
  intervalWeeks: 1 | 2;
  startTime: string;
  lengthMinutes: number | null;
  zone: string;
  /** A closed group's seats, minimum and decision date; an open chat (no enrolments) leaves them out. */
  capacity?: number;
  minParticipants?: number;
  decisionDate?: string;
  ageMin: number | null;
  ageMax: number | null;
  facilitatorIds: string[];
  peerSupporterIds: string[];
  /** Discussions or information sessions; left out: the template's. */
  format?: RoomFormat;
};

/** One line of the coordinators' list: when a series runs and how full it is. */
export type SeriesOverview = {
  id: SeriesId;
  title: string;
  kind: SeriesKind;
  state: SeriesState;
  firstStartsAt: string | null;
  lastEndsAt: string | null;
  sessions: number;
  capacity: number;
  minParticipants: number;
  decisionDate: string;
  enrolled: number;
  waitlisted: number;
};

export type Fill = {
  seriesId: SeriesId;
  capacity: number;
  minParticipants: number;
  decisionDate: string;
  enrolled: number;
  waitlisted: number;
};

export type Attendee = {
  accountId: string;
  displayName: string;
  firstJoinedAt: string;
  secondsPresent: number;
};

export type SessionAttendance = {
  sessionId: string;
  position: number;
  state: SessionState;
  attendees: Attendee[];
};

/** An invitation code, shown only once: the server keeps just its hash. */
export type Invitation = {
  code: string;
  expiresAt: string;
  maxUses: number;
};

function seriesPath(id: SeriesId): string {
  return `/api/series/${encodeURIComponent(id)}`;
}

export function listTemplates(api: ApiClient): Promise<ProgrammeTemplate[]> {
  return api.get<ProgrammeTemplate[]>('/api/series/templates');
}

export function fetchTemplate(api: ApiClient, id: string): Promise<ProgrammeTemplate> {
  return api.get<ProgrammeTemplate>(`/api/series/templates/${encodeURIComponent(id)}`);
}

/** Rejects with 409 `series.template_changed` when someone saved the template after `version`. */
export function saveTemplate(api: ApiClient, id: string, edit: TemplateEditRequest): Promise<ProgrammeTemplate> {
  return api.put<ProgrammeTemplate>(`/api/series/templates/${encodeURIComponent(id)}`, edit);
}

/** Every session's material, in the template's order. */
export async function fetchMaterials(api: ApiClient, templateId: string): Promise<SessionMaterial[]> {
  const answer = await api.get<{ sessions: SessionMaterial[] }>(`/api/series/templates/${encodeURIComponent(templateId)}/materials`);
  return answer.sessions;
}

export function saveMaterial(api: ApiClient, templateId: string, position: number, edit: SessionMaterialEdit): Promise<SessionMaterial> {
  return api.put<SessionMaterial>(`/api/series/templates/${encodeURIComponent(templateId)}/sessions/${position}/material`, edit);
}

export function listStaff(api: ApiClient): Promise<StaffAccount[]> {
  return api.get<StaffAccount[]>('/api/staff');
}

export function planSeries(api: ApiClient, plan: PlanRequest): Promise<Series> {
  return api.post<Series>('/api/series', plan);
}

export function fetchOverview(api: ApiClient): Promise<SeriesOverview[]> {
  return api.get<SeriesOverview[]>('/api/series/overview');
}

export function fetchFill(api: ApiClient, id: SeriesId): Promise<Fill> {
  return api.get<Fill>(`${seriesPath(id)}/fill`);
}

export function fetchAttendance(api: ApiClient, id: SeriesId): Promise<SessionAttendance[]> {
  return api.get<SessionAttendance[]>(`${seriesPath(id)}/attendance`);
}

/** Moves a session to another day, at the series' own time unless `startTime` ("19:00") is given. */
export function moveSession(api: ApiClient, id: SeriesId, sessionId: string, date: string, startTime: string | null): Promise<Series> {
  const body = startTime === null ? { date } : { date, startTime };
  return api.put<Series>(`${seriesPath(id)}/sessions/${encodeURIComponent(sessionId)}`, body);
}

export function cancelSession(api: ApiClient, id: SeriesId, sessionId: string): Promise<Series> {
  return api.request<Series>('DELETE', `${seriesPath(id)}/sessions/${encodeURIComponent(sessionId)}`);
}

/** Adds a session after the last; `theme.sv` may be empty (the session is then shown in Finnish). */
export function addSession(api: ApiClient, id: SeriesId, date: string, theme: LocalisedText): Promise<Series> {
  return api.post<Series>(`${seriesPath(id)}/sessions`, { date, themeFi: theme.fi, themeSv: theme.sv ?? '', themeEn: theme.en });
}

export function assignStaff(api: ApiClient, id: SeriesId, facilitatorIds: string[], peerSupporterIds: string[]): Promise<Series> {
  return api.put<Series>(`${seriesPath(id)}/staff`, { facilitatorIds, peerSupporterIds });
}

export function createInvitation(api: ApiClient, id: SeriesId, maxUses: number, validDays: number): Promise<Invitation> {
  return api.post<Invitation>(`${seriesPath(id)}/invitations`, { maxUses, validDays });
}
