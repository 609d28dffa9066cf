import { type ReportReason, fileReport, reportReasons } from '../api/moderation.ts';
import type { ChatMessage, RoomId } from '../api/rooms.ts';
import type { UserId } from '../api/types.ts';
import { api, locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import { ref, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { dialogTextField, openDialog } from './modal-dialog.ts';

/** The name of each reason, for the reporter and for the facilitators. */
export const reasonLabel: Readonly<Record<ReportReason, MessageKey>> = {
  HARASSMENT: 'mod.reason.HARASSMENT',
  THREAT: 'mod.reason.THREAT',
  HATE: 'mod.reason.HATE',
  SPAM: 'mod.reason.SPAM',
  PRIVACY: 'mod.reason.PRIVACY',
  WORRY: 'mod.reason.WORRY',
  OTHER: 'mod.reason.OTHER',
};

/**
 * Reports a message to the room's facilitators: a reason (one of a few, as radio buttons) and an
 * optional note. Only the facilitators see the report; the writer is not told who reported.
 * Resolves true when the report was filed.
 */
export function openReportDialog(host: HTMLElement, roomId: RoomId, message: ChatMessage): Promise<boolean> {
  const groupName = uniqueId('report-reason');
  const radios = new Map<ReportReason, HTMLInputElement>();
  const choices = h(
    'fieldset',
    { class: 'choice-group' },
    translated(locale, 'legend', 'chat.report.reason'),
    ...reportReasons.map((reason) => {
      const id = `${groupName}-${reason}`;
      const radio = h('input', { type: 'radio', id, name: groupName, value: reason, 'data-testid': `report-reason-${reason}` });
      radios.set(reason, radio);
      return h('div', { class: 'choice' }, radio, translated(locale, 'label', reasonLabel[reason], { for: id }));
    }),
  );
  const { field, input: note } = dialogTextField({
    label: 'chat.report.note',
    hint: (max) => ref('chat.report.noteHint', { max }),
    limit: 'reportNote',
    name: 'report-note',
  });
  const chosen = (): ReportReason | null => reportReasons.find((reason) => radios.get(reason)?.checked === true) ?? null;

  return openDialog(host, {
    title: ref('chat.report.title', { name: message.authorDisplayName ?? '' }),
    intro: ref('chat.report.intro'),
    quote: message.body,
    fields: [choices, field],
    submit: 'chat.report.submit',
    validate: () => (chosen() === null ? ref('chat.report.chooseReason') : null),
    run: () => {
      const reason = chosen() ?? 'OTHER';
      return fileReport(api, roomId, { messageId: message.id, reason, note: note.value });
    },
  });
}

/**
 * "I am worried about this person": tells the room's facilitators (or, when none is present, the
 * coordinators on duty), without quoting anything the person wrote, with an optional note. The
 * person is not told. Resolves true when it was sent.
 */
export function openWorryDialog(host: HTMLElement, roomId: RoomId, person: { accountId: UserId; displayName: string }): Promise<boolean> {
  const { field, input: note } = dialogTextField({
    label: 'chat.worry.note',
    hint: (max) => ref('chat.report.noteHint', { max }),
    limit: 'reportNote',
    name: 'worry-note',
  });
  return openDialog(host, {
    title: ref('chat.worry.title', { name: person.displayName }),
    intro: ref('chat.worry.intro', { name: person.displayName }),
    fields: [field],
    submit: 'chat.worry.submit',
    run: () => fileReport(api, roomId, { accountId: person.accountId, reason: 'WORRY', note: note.value }),
  });
}
