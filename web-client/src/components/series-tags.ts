import type { RoomFormat } from '../api/rooms.ts';
import type { SeriesKind, SeriesState } from '../api/series.ts';
import { locale } from '../context.ts';
import { h } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';
import { ageText, seatText } from '../series/calendar.ts';

type TaggedSeries = {
  kind: SeriesKind;
  format?: RoomFormat | undefined;
  state: SeriesState;
  ageMin: number | null;
  ageMax: number | null;
  seatsLeft: number | null;
};

/**
 * The small facts about a series: kind, information sessions, state when not simply planned, ages
 * and seats left.
 */
export function seriesTags(series: TaggedSeries): HTMLUListElement {
  const ages = ageText(series);
  const seats = seatText(series);
  const seatsLeft = series.seatsLeft ?? null;
  const full = series.kind === 'CLOSED' && seatsLeft !== null && seatsLeft <= 0;
  return h(
    'ul',
    { class: 'room-tags series-tags' },
    translated(locale, 'li', series.kind === 'CLOSED' ? 'series.kind.CLOSED' : 'series.kind.OPEN', {
      class: `tag tag-${series.kind === 'CLOSED' ? 'closed' : 'open'}`,
      'data-testid': 'series-kind',
    }),
    series.format === 'INFO_SESSION'
      ? translated(locale, 'li', 'series.format.INFO_SESSION', { class: 'tag tag-format', 'data-testid': 'series-format' })
      : null,
    series.state === 'PLANNED'
      ? null
      : translated(
          locale,
          'li',
          { keys: [`series.state.${series.state}`], fallback: series.state },
          {
            class: `tag tag-state series-state-${series.state.toLowerCase()}`,
            'data-testid': 'series-state',
          },
        ),
    ages === null ? null : translated(locale, 'li', ages, { class: 'tag tag-age' }),
    seats === null
      ? null
      : translated(locale, 'li', seats, { class: `tag ${full ? 'tag-full' : 'tag-seats'}`, 'data-testid': 'series-seats' }),
  );
}
