import type { ApiClient, DownloadedFile } from './api-client.ts';
import type { SeriesOverview } from './coordination.ts';
import type { LocalisedText, SeriesId, SeriesKind, SeriesState, SessionState } from './series.ts';

/** One's answer to a session's feedback form; texts may be empty. */
export type FeedbackAnswer = {
  rating: number;
  helped: string;
  better: string;
  freeText: string;
  /** True: the facilitators see the answer only within the aggregates, never with one's name. */
  anonymous: boolean;
};

export type FeedbackRequest = {
  rating: number;
  helped: string;
  better: string;
  freeText: string;
  anonymous: boolean;
};

/** FIRST at the first meeting of a closed group, LAST at its last one. */
export type AssessmentPhase = 'FIRST' | 'LAST';

/**
 * A session one attended whose feedback form is open (or one's answer can still be changed). The
 * server leaves out what is null: `answer` before one has answered, `selfAssessment` when none is due.
 */
export type PendingFeedback = {
  seriesId: SeriesId;
  seriesTitle: string;
  sessionId: string;
  position: number;
  themeFi: string;
  /** Empty when the session has no Swedish theme. */
  themeSv?: string;
  themeEn: string;
  endedAt: string;
  editableUntil: string;
  answer?: FeedbackAnswer | null;
  selfAssessment?: AssessmentPhase | null;
  selfAssessmentAnswered: boolean;
};

/** One self-assessment statement, answered on a scale from `min` to `max`. */
export type SelfAssessmentItem = {
  key: string;
  min: number;
  max: number;
  text: LocalisedText;
};

/**
 * Feedback of one session or a whole series. When `withheld`, fewer than the report's
 * `minAnswers` answered, and only the count is given so nobody can be singled out.
 */
export type ReportFeedback = {
  answers: number;
  withheld: boolean;
  averageRating?: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  ratingCounts?: number[] | null;
  helped?: string[] | null;
  better?: string[] | null;
  freeTexts?: string[] | null;
};

export type ReportSession = {
  sessionId: string;
  position: number;
  themeFi: string;
  /** Empty when the session has no Swedish theme. */
  themeSv?: string;
  themeEn: string;
  startsAt: string;
  state: SessionState;
  attended: number;
  feedback: ReportFeedback;
};

export type ReportScores = {
  answers: number;
  withheld: boolean;
  average?: number | null;
};

/** One self-assessment item at the first and the last meeting, and the change of those who answered both. */
export type ReportItemChange = {
  key: string;
  text: LocalisedText;
  min: number;
  max: number;
  first: ReportScores;
  last: ReportScores;
  change: ReportScores;
};

/** What a series achieved, in aggregates only (null figures are left out by the server). */
export type OutcomeReport = {
  seriesId: SeriesId;
  title: string;
  kind: SeriesKind;
  state: SeriesState;
  capacity: number;
  minParticipants: number;
  enrolled: number;
  waitlisted: number;
  /** Enrolled per capacity, 0–1; null when the series has no seats (open chats). */
  fillRate?: number | null;
  attendedAny: number;
  dropOut: number;
  minAnswers: number;
  sessions: ReportSession[];
  feedback: ReportFeedback;
  selfAssessment: ReportItemChange[];
};

/** An answer whose writer chose to sign it. */
export type SignedAnswer = {
  displayName: string;
  rating: number;
  helped: string;
  better: string;
  freeText: string;
};

function sessionPath(sessionId: string): string {
  return `/api/feedback/sessions/${encodeURIComponent(sessionId)}`;
}

function reportPath(seriesId: SeriesId): string {
  return `/api/feedback/reports/${encodeURIComponent(seriesId)}`;
}

/** Forms open to the signed-in person, latest session first. */
export function fetchPendingFeedback(api: ApiClient): Promise<PendingFeedback[]> {
  return api.get<PendingFeedback[]>('/api/me/feedback');
}

/** Gives or changes one's feedback; answers with the form as it now stands. */
export function giveFeedback(api: ApiClient, sessionId: string, answer: FeedbackRequest): Promise<PendingFeedback> {
  return api.put<PendingFeedback>(sessionPath(sessionId), answer);
}

export function fetchSelfAssessmentItems(api: ApiClient): Promise<SelfAssessmentItem[]> {
  return api.get<SelfAssessmentItem[]>('/api/feedback/self-assessment-items');
}

/** Every item, each within its scale; answering again replaces the earlier answers of that phase. */
export function giveSelfAssessment(api: ApiClient, sessionId: string, values: Readonly<Record<string, number>>): Promise<void> {
  return api.put<void>(`${sessionPath(sessionId)}/self-assessment`, { values });
}

/** The series whose reports the signed-in person may read. */
export function fetchReportable(api: ApiClient): Promise<SeriesOverview[]> {
  return api.get<SeriesOverview[]>('/api/feedback/reports');
}

export function fetchReport(api: ApiClient, seriesId: SeriesId): Promise<OutcomeReport> {
  return api.get<OutcomeReport>(reportPath(seriesId));
}

/** `csv`: RFC 4180 (commas, decimal points); `excel-fi`: what Excel opens as columns in Finland (semicolons, decimal commas). */
export type CsvFormat = 'csv' | 'excel-fi';

export function downloadReportCsv(api: ApiClient, seriesId: SeriesId, format: CsvFormat = 'csv'): Promise<DownloadedFile> {
  const query = format === 'csv' ? '' : `?format=${format}`;
  return api.download(`${reportPath(seriesId)}/csv${query}`);
}

export function fetchSignedAnswers(api: ApiClient, seriesId: SeriesId, sessionId: string): Promise<SignedAnswer[]> {
  return api.get<SignedAnswer[]>(`${reportPath(seriesId)}/sessions/${encodeURIComponent(sessionId)}/signed`);
}
