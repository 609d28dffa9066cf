import type { ApiClient } from './api-client.ts';
import { ApiError } from './problem.ts';
import type { ChatMessage } from './rooms.ts';

/** A text in each language it is kept in, by language code (`fi`, `sv`, `en`). */
export type Texts = Readonly<Record<string, string>>;

/** One answer in one's own workbook, as the server gives it. */
export type WorkbookEntry = {
  seriesId: string;
  seriesTitle: string;
  /** The session's place in its series, from 1. */
  position: number;
  theme: { fi: string; en: string } | null;
  /** The session's exercise as its template has it now; `{}` when none. */
  exercise: Texts;
  answer: string;
  createdAt: string;
  updatedAt: string;
  /** When it was last shared with the group; null when never. */
  sharedAt: string | null;
};

/** How long to wait for a busy server at most, over all tries of one share. */
const SHARE_TRIES = 3;

function entryPath(seriesId: string, position: number): string {
  return `/api/me/workbook/series/${encodeURIComponent(seriesId)}/sessions/${position}`;
}

export function fetchWorkbook(api: ApiClient): Promise<WorkbookEntry[]> {
  return api.get<WorkbookEntry[]>('/api/me/workbook');
}

/** One's own answer for a session; null when one has not written any. */
export async function fetchAnswer(api: ApiClient, seriesId: string, position: number): Promise<WorkbookEntry | null> {
  try {
    return await api.get<WorkbookEntry>(entryPath(seriesId, position));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'workbook.not_found') return null;
    throw error;
  }
}

export function saveAnswer(api: ApiClient, seriesId: string, position: number, answer: string): Promise<WorkbookEntry> {
  return api.put<WorkbookEntry>(entryPath(seriesId, position), { answer });
}

export async function deleteAnswer(api: ApiClient, seriesId: string, position: number): Promise<void> {
  await api.request<unknown>('DELETE', entryPath(seriesId, position));
}

/**
 * Posts one's saved answer into its session's room as one's own message. A busy server
 * (`server.busy`) is asked again after the wait it names, with the same client id, so the answer
 * is never posted twice.
 */
export async function shareAnswer(
  api: ApiClient,
  seriesId: string,
  position: number,
  clientId: string,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ChatMessage> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await api.post<ChatMessage>(`${entryPath(seriesId, position)}/share`, { clientId });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'server.busy' || attempt >= SHARE_TRIES) throw error;
      await wait((error.problem.retryAfterSeconds ?? 1) * 1000);
    }
  }
}
