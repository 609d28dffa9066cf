import { h } from './h.ts';

/**
 * Someone's words quoted in a box that scrolls when long (`.dialog-quote`, `.mod-quote`): set as
 * text, never as markup, and reachable by keyboard so a long quote can be scrolled without a
 * pointer (WCAG 2.1.1; axe-core's scrollable-region-focusable).
 */
export function quoteBlock(
  text: string | null,
  options: { className?: 'dialog-quote' | 'mod-quote'; testId?: string } = {},
): HTMLQuoteElement {
  const quote = h('blockquote', { class: options.className ?? 'dialog-quote', tabindex: '0', 'data-testid': options.testId ?? null });
  if (text !== null) quote.textContent = text;
  return quote;
}
