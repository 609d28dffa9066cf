import { type CreatableRoomKind, type RoomFormat, createRoom, roomFormats, roomKinds } from '../api/rooms.ts';
import { api, locale, router } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { roomThemeRule, roomTitleRule } from '../forms/rules.ts';
import { translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { roomRoute } from '../routes.ts';
import { FormAlert } from './form-alert.ts';
import { FormField } from './form-field.ts';

const kindLabel: Record<CreatableRoomKind, MessageKey> = {
  OPEN: 'rooms.kind.OPEN',
  CLOSED: 'rooms.kind.CLOSED',
};

const kindHint: Record<CreatableRoomKind, MessageKey> = {
  OPEN: 'rooms.create.kindOpenHint',
  CLOSED: 'rooms.create.kindClosedHint',
};

const formatLabel: Record<RoomFormat, MessageKey> = {
  DISCUSSION: 'rooms.create.formatDiscussion',
  INFO_SESSION: 'rooms.create.formatInfo',
};

/**
 * For coordinators and administrators: a new room, a discussion or a live information session,
 * opened as soon as it exists.
 */
class CreateRoomForm extends Component {
  protected render(): void {
    const headingId = uniqueId('create-room');
    const title = new FormField({
      name: 'title',
      label: 'rooms.create.title',
      hint: 'rooms.create.titleHint',
      autocomplete: 'off',
      rule: roomTitleRule,
      limit: 'roomTitle',
    });
    const theme = FormField.multiline({
      name: 'theme',
      label: 'rooms.create.theme',
      hint: 'rooms.create.themeHint',
      autocomplete: 'off',
      rule: roomThemeRule,
      required: false,
      limit: 'roomTheme',
    });
    const radios = new Map<CreatableRoomKind, HTMLInputElement>();
    const legendId = uniqueId('room-kind');
    const kinds = h(
      'fieldset',
      { class: 'choice-group', 'aria-labelledby': legendId },
      translated(locale, 'legend', 'rooms.create.kind', { id: legendId }),
      ...roomKinds.map((kind) => {
        const id = uniqueId(`room-kind-${kind.toLowerCase()}`);
        const hintId = `${id}-hint`;
        const radio = h('input', {
          type: 'radio',
          id,
          name: 'kind',
          value: kind,
          checked: kind === 'OPEN',
          'aria-describedby': hintId,
        });
        radios.set(kind, radio);
        return h(
          'div',
          { class: 'choice' },
          radio,
          h(
            'div',
            {},
            translated(locale, 'label', kindLabel[kind], { for: id }),
            translated(locale, 'p', kindHint[kind], { id: hintId, class: 'field-hint' }),
          ),
        );
      }),
    );
    const formatRadios = new Map<RoomFormat, HTMLInputElement>();
    const formatLegendId = uniqueId('room-format');
    const formats = h(
      'fieldset',
      { class: 'choice-group', 'aria-labelledby': formatLegendId },
      translated(locale, 'legend', 'rooms.create.format', { id: formatLegendId }),
      ...roomFormats.map((format) => {
        const id = uniqueId(`room-format-${format.toLowerCase()}`);
        const radio = h('input', { type: 'radio', id, name: 'format', value: format, checked: format === 'DISCUSSION' });
        formatRadios.set(format, radio);
        return h('div', { class: 'choice' }, radio, translated(locale, 'label', formatLabel[format], { for: id }));
      }),
    );
    const alert = new FormAlert('error', 'create-room-alert');
    const submit = translated(locale, 'button', 'rooms.create.submit', { type: 'submit', class: 'button-primary' });
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId },
      title.element,
      theme.element,
      kinds,
      formats,
      alert.element,
      submit,
    );

    new FormController(form, [title, theme], alert, submit).onSubmit(async () => {
      const kind = roomKinds.find((candidate) => radios.get(candidate)?.checked === true) ?? 'OPEN';
      const format = roomFormats.find((candidate) => formatRadios.get(candidate)?.checked === true) ?? 'DISCUSSION';
      const room = await createRoom(api, { title: title.value.trim(), theme: theme.value.trim(), kind, format });
      router.navigate(roomRoute(room.id));
    });

    this.append(
      h(
        'section',
        { class: 'card card-soft create-room', 'aria-labelledby': headingId, 'data-testid': 'create-room' },
        translated(locale, 'h2', 'rooms.create.heading', { id: headingId }),
        translated(locale, 'p', 'rooms.create.intro', { class: 'field-hint' }),
        form,
      ),
    );
  }
}

define('tp-create-room-form', CreateRoomForm);

declare global {
  interface HTMLElementTagNameMap {
    'tp-create-room-form': CreateRoomForm;
  }
}
