import { locale } from '../context.ts';
import { h } from '../dom/h.ts';
import { type TextRef, translated } from '../i18n/dom.ts';

/** One bar: what it is, how long it is (percent of the chart) and the figure it stands for, in words. */
export type BarRow = {
  label: TextRef | string;
  value: TextRef | string;
  width: number;
  /** Tells bars of one chart apart by colour, e.g. `first` and `last` of a self-assessment item. */
  tone?: string;
};

function textOf(tag: 'span', text: TextRef | string, className: string): HTMLSpanElement {
  return typeof text === 'string' ? h(tag, { class: className }, text) : translated(locale, tag, text, { class: className });
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
      const fill = h('span', { class: 'bar-fill' });
      // Set through the CSSOM: the content security policy forbids style attributes in markup.
      fill.style.width = `${Math.min(100, Math.max(0, row.width)).toFixed(1)}%`;
      return h(
        'li',
        { class: row.tone === undefined ? 'bar-row' : `bar-row bar-${row.tone}`, 'data-testid': 'bar-row' },
        textOf('span', row.label, 'bar-label'),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill),
        textOf('span', row.value, 'bar-value'),
      );
    }),
  );
}
