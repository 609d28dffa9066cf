import type { ApiClient } from './api-client.ts';

/** A mute or ban of one's own that is in force, as `GET /api/me/sanctions` gives it. */
export type OwnSanction = {
  id: string;
  kind: 'MUTE' | 'BAN';
  roomId: string;
  roomTitle: string;
  reason: string;
  endsAt: string | null;
  appealed: boolean;
};

/** One's own appeal, with its answer once given (`outcome` null until then). */
export type OwnAppeal = {
  id: string;
  kind: 'MUTE' | 'BAN';
  roomTitle: string;
  text: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
  outcome: 'UPHELD' | 'LIFTED' | null;
};

/** An appeal as coordinators see it, with the sanction it is about. */
export type AppealForReview = {
  id: string;
  displayName: string;
  text: string;
  createdAt: string;
  sanction: { kind: 'MUTE' | 'BAN'; roomTitle: string; reason: string; imposedByName: string | null; inForce: boolean };
  answer: string | null;
  outcome: 'UPHELD' | 'LIFTED' | null;
};

export function fetchOwnSanctions(api: ApiClient): Promise<OwnSanction[]> {
  return api.get<OwnSanction[]>('/api/me/sanctions');
}

export function fetchOwnAppeals(api: ApiClient): Promise<OwnAppeal[]> {
  return api.get<OwnAppeal[]>('/api/me/appeals');
}

/** Appeals a mute or ban of one's own, once (`moderation.appeal_exists` after that). */
export function appeal(api: ApiClient, sanctionId: string, text: string): Promise<OwnAppeal> {
  return api.post<OwnAppeal>('/api/me/appeals', { sanctionId, text });
}

/** Unanswered appeals, oldest first (coordinators and administrators). */
export function fetchOpenAppeals(api: ApiClient): Promise<AppealForReview[]> {
  return api.get<AppealForReview[]>('/api/moderation/appeals?open=true');
}

/** Answers an appeal once; `lift` ends the mute or ban as a facilitator's lifting does. */
export function answerAppeal(api: ApiClient, id: string, answer: string, lift: boolean): Promise<AppealForReview> {
  return api.post<AppealForReview>(`/api/moderation/appeals/${encodeURIComponent(id)}/answer`, { answer, lift });
}
