import { type SeriesId, seriesIcsUrl } from '../api/series.ts';
import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import { translated } from '../i18n/dom.ts';

/**
 * "Add to calendar" for a series (its `.ics` file), with the reminder that the events stay in the
 * device's calendar, where others using the device may see them.
 */
export function calendarLink(seriesId: SeriesId): HTMLElement {
  const hintId = uniqueId('ics-hint');
  return h(
    'div',
    { class: 'series-ics' },
    translated(locale, 'a', 'calendar.addToCalendar', { href: seriesIcsUrl(seriesId), download: '', 'aria-describedby': hintId }),
    translated(locale, 'p', 'calendar.addToCalendarHint', { id: hintId, class: 'field-hint', 'data-testid': 'ics-hint' }),
  );
}
