import { describe, expect, it } from 'vitest';
import type { WorkbookEntry } from '../api/workbook.ts';
import { ApiError } from '../api/problem.ts';
import { shareAnswer } from '../api/workbook.ts';
import type { ApiClient } from '../api/api-client.ts';
import { bySeries, paragraphs } from './workbook.ts';

function entry(seriesId: string, position: number): WorkbookEntry {
  return {
    seriesId,
    seriesTitle: `Sarja ${seriesId}`,
    position,
    theme: { fi: 'Teema', en: 'Theme' },
    exercise: {},
    answer: 'Vastaus',
    createdAt: '2027-03-16T16:00:00Z',
    updatedAt: '2027-03-16T16:00:00Z',
    sharedAt: null,
  };
}

describe('workbook', () => {
  it('splits material into paragraphs at blank lines, keeping single line breaks', () => {
    expect(paragraphs('Yksi.\n\nKaksi\nrivillä.\n \n\n\nKolme. ')).toEqual(['Yksi.', 'Kaksi\nrivillä.', 'Kolme.']);
    expect(paragraphs('  ')).toEqual([]);
  });

  it('groups answers by series in the order given, each by place', () => {
    const groups = bySeries([entry('b', 3), entry('a', 2), entry('b', 1)]);
    expect(groups.map((group) => group.seriesId)).toEqual(['b', 'a']);
    expect(groups[0]?.entries.map((answer) => answer.position)).toEqual([1, 3]);
  });

  it('asks a busy server again with the same client id, and gives up after three tries', async () => {
    const sent: unknown[] = [];
    let busy = 2;
    const api = {
      post: (_path: string, body: unknown) => {
        sent.push(body);
        if (busy-- > 0) return Promise.reject(new ApiError({ status: 503, code: 'server.busy', retryAfterSeconds: 1 }));
        return Promise.resolve({ id: 'm' });
      },
    } as unknown as ApiClient;
    const waits: number[] = [];
    const wait = (ms: number): Promise<void> => {
      waits.push(ms);
      return Promise.resolve();
    };
    await expect(shareAnswer(api, 's', 1, 'c-1', wait)).resolves.toEqual({ id: 'm' });
    expect(sent).toEqual([{ clientId: 'c-1' }, { clientId: 'c-1' }, { clientId: 'c-1' }]);
    expect(waits).toEqual([1000, 1000]);
    busy = 5;
    await expect(shareAnswer(api, 's', 1, 'c-2', wait)).rejects.toMatchObject({ code: 'server.busy' });
  });
});
