import { locale } from '../context.ts';
import { h } from '../dom/h.ts';
import { type TextRef, translated } from '../i18n/dom.ts';

/**
 * One bar: what it is, how long it is (percent of the chart) and the figure it stands for, in
 * words. Without a width the row has no bar, only its words (a figure withheld or not yet there).
 */
export type BarRow = {
  label: TextRef | string;
  value: TextRef | string;
  width: number | null;
  /** Tells bars of one chart apart by colour, e.g. `first` and `last` of a self-assessment item. */
  tone?: string;
};

function textOf(text: TextRef | string, className: string): HTMLSpanElement {
  return typeof text === 'string' ? h('span', { class: className }, text) : translated(locale, 'span', text, { class: className });
}

/**
 * A horizontal bar chart in plain CSS: a list whose items read as "label: figure" to everyone,
 * with the bar itself hidden from screen readers (the figure says the same in words).
 */
export function barChart(rows: readonly BarRow[], attributes: Record<string, string> = {}): HTMLUListElement {
  return h(
    'ul',
    { class: 'bar-chart', ...attributes },
    ...rows.map((row) => {
      const classes = ['bar-row'];
      if (row.tone !== undefined) classes.push(`bar-${row.tone}`);
      if (row.width === null) classes.push('is-barless');
      let track: HTMLSpanElement | null = null;
      if (row.width !== null) {
        const fill = h('span', { class: 'bar-fill' });
        // Set through the CSSOM: the content security policy forbids style attributes in markup.
        fill.style.width = `${Math.min(100, Math.max(0, row.width)).toFixed(1)}%`;
        track = h('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill);
      }
      return h(
        'li',
        { class: classes.join(' '), 'data-testid': 'bar-row' },
        textOf(row.label, 'bar-label'),
        track,
        textOf(row.value, 'bar-value'),
      );
    }),
  );
}
