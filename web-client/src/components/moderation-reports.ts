import { type Report, closeReport } from '../api/moderation.ts';
import { formatFullTime, formatMessageTime } from '../chat/format.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { textProblem } from './modal-dialog.ts';
import { type PanelContext, act } from './panel-feedback.ts';
import { reasonLabel } from './report-dialog.ts';
import { veil } from './content-note.ts';

/**
 * The room's open reports, oldest first: why, by whom (nickname only) and about whom, the
 * reporter's note, and the conversation around a reported message with the message itself as
 * it was written. A facilitator closes each as acted on or dismissed; the reporter is told.
 */
class ModerationReports extends Component {
  readonly #count = h('span', { class: 'mod-heading-count' });
  readonly #list = h('ul', { class: 'mod-list', 'data-testid': 'report-queue' });
  readonly #empty = translated(locale, 'p', 'mod.reports.empty', { class: 'mod-empty' });
  readonly #failed = translated(locale, 'p', 'mod.reports.loadFailed', { class: 'field-error', hidden: '' });
  /** Report items by id, kept so a half-written note survives other reports arriving. */
  readonly #items = new Map<string, HTMLLIElement>();
  #context: PanelContext | null = null;

  protected render(): void {
    const headingId = uniqueId('mod-reports');
    this.append(
      h(
        'section',
        { class: 'mod-section', 'aria-labelledby': headingId },
        h('h3', { id: headingId }, translated(locale, 'span', 'mod.reports.heading'), ' ', this.#count),
        this.#failed,
        this.#empty,
        this.#list,
      ),
    );
  }

  attach(context: PanelContext, signal: AbortSignal): void {
    this.#context = context;
    context.queue.on('review-changed', () => this.#update(), { signal });
    context.chat.on('moderation-changed', () => this.#update(), { signal });
    this.#update();
  }

  #update(): void {
    const context = this.#context;
    if (context === null) return;
    this.hidden = !context.chat.may('REVIEW');
    const reports = context.queue.reports;
    setText(locale, this.#count, reports.length === 0 ? null : ref('mod.count', { count: reports.length }));
    this.#empty.hidden = reports.length > 0;
    this.#failed.hidden = !context.queue.failed('reports');
    const wanted = new Set(reports.map((report) => report.id));
    for (const [id, item] of this.#items) {
      if (!wanted.has(id)) {
        item.remove();
        this.#items.delete(id);
      }
    }
    this.#list.replaceChildren(
      ...reports.map((report) => {
        let item = this.#items.get(report.id);
        if (item === undefined) {
          item = this.#reportItem(context, report);
          this.#items.set(report.id, item);
        }
        return item;
      }),
    );
  }

  #reportItem(context: PanelContext, report: Report): HTMLLIElement {
    const facts = h('dl', { class: 'mod-facts' });
    const fact = (label: MessageKey, value: string | null): void => {
      if (value === null || value === '') return;
      facts.append(translated(locale, 'dt', label), h('dd', {}, value));
    };
    const reason = h('p', { class: 'mod-item-meta' });
    const reasonText = h('strong');
    setText(locale, reasonText, ref(reasonLabel[report.reason ?? 'OTHER']));
    reason.append(reasonText);
    if (report.createdAt !== null) {
      const time = h('time', { datetime: report.createdAt, title: formatFullTime(report.createdAt, locale.intlLocale) });
      time.textContent = formatMessageTime(report.createdAt, locale.intlLocale);
      reason.append(' ', time);
    }
    fact('mod.reports.reporter', report.reporterName);
    fact('mod.reports.target', report.targetName);
    fact('mod.reports.note', report.note.trim() === '' ? null : report.note);

    const item = h('li', { class: 'mod-item mod-report', 'data-testid': 'report' }, reason, facts);
    if (report.context.length > 0) {
      item.append(
        translated(locale, 'p', 'mod.reports.context', { class: 'mod-context-heading' }),
        h(
          'ol',
          { class: 'mod-context' },
          ...report.context.map((message) => {
            const reported = report.messageId !== null && String(message.id) === report.messageId;
            const body = h(reported ? 'mark' : 'span', { class: 'mod-context-body' });
            const shown = !(message.removed && !reported);
            if (!shown) {
              setText(locale, body, ref('chat.removed'));
            } else if (message.sensitive !== true) {
              body.textContent = message.body;
            }
            const author = h('span', { class: 'mod-context-author', id: uniqueId('mod-context-author') }, `${message.authorDisplayName}: `);
            return h(
              'li',
              { class: reported ? 'is-reported' : '' },
              author,
              // Marked with a content note by its writer: read on request, as in the room.
              shown && message.sensitive === true
                ? veil(body, {
                    revealed: false,
                    describedBy: author.id,
                    fill: (text) => {
                      text.textContent = message.body;
                    },
                  })
                : null,
              body,
              reported ? translated(locale, 'span', 'mod.reports.reportedMessage', { class: 'visually-hidden' }) : null,
              reported && message.removed ? translated(locale, 'span', 'mod.reports.alreadyRemoved', { class: 'mod-context-note' }) : null,
            );
          }),
        ),
      );
    }

    const noteId = uniqueId('report-note');
    const note = h('textarea', { id: noteId, rows: 2, name: 'handling-note' });
    const resolve = translated(locale, 'button', 'mod.reports.resolve', { type: 'button', class: 'button-primary button-small' });
    const dismiss = translated(locale, 'button', 'mod.reports.dismiss', { type: 'button', class: 'button-quiet button-small' });
    const close = async (actionTaken: boolean, button: HTMLButtonElement): Promise<void> => {
      const problem = textProblem('handlingNote', note.value);
      if (problem !== null) {
        context.feedback.refused(problem);
        note.focus();
        return;
      }
      const closed = await act(
        context,
        button,
        () => closeReport(api, report.id, actionTaken, note.value),
        ref(actionTaken ? 'mod.reports.resolved' : 'mod.reports.dismissed'),
      );
      if (closed) context.queue.closed(report.id);
    };
    resolve.addEventListener('click', () => void close(true, resolve));
    dismiss.addEventListener('click', () => void close(false, dismiss));
    item.append(
      h('div', { class: 'field' }, translated(locale, 'label', 'mod.reports.handlingNote', { for: noteId }), note),
      h('div', { class: 'mod-actions' }, resolve, dismiss),
    );
    return item;
  }
}

define('tp-mod-reports', ModerationReports);

declare global {
  interface HTMLElementTagNameMap {
    'tp-mod-reports': ModerationReports;
  }
}
