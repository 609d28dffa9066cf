import { appeal, fetchOwnSanctions, type OwnSanction } from '../api/appeals.ts';
import type { RoomId } from '../api/rooms.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h } from '../dom/h.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { dialogTextField, openDialog, textProblem } from './modal-dialog.ts';

/**
 * "Appeal": for a person muted or banned in a room, once per mute or ban, with a short text to the
 * coordinators; the answer comes as a notice. Shows nothing when there is nothing to appeal.
 */
class AppealButton extends Component {
  readonly #button = translated(locale, 'button', 'appeal.open', {
    type: 'button',
    class: 'button-secondary button-small',
    'data-testid': 'appeal-open',
  });
  readonly #sent = h('p', { class: 'field-hint', role: 'status', tabindex: '-1', 'data-testid': 'appeal-sent' });
  #sanction: OwnSanction | null = null;

  protected render(): void {
    this.hidden = true;
    this.append(this.#button, this.#sent);
    this.#button.addEventListener('click', () => void this.#appeal());
  }

  /** Looks for the person's mute or ban in force in this room. */
  async follow(roomId: RoomId, kind: 'MUTE' | 'BAN'): Promise<void> {
    try {
      const sanctions = await fetchOwnSanctions(api);
      this.#sanction = sanctions.find((sanction) => String(sanction.roomId) === String(roomId) && sanction.kind === kind) ?? null;
    } catch {
      this.#sanction = null;
    }
    this.#show();
  }

  #show(): void {
    const sanction = this.#sanction;
    this.hidden = sanction === null;
    this.#button.hidden = sanction === null || sanction.appealed;
    setText(locale, this.#sent, sanction?.appealed ? ref('appeal.sent') : null);
  }

  async #appeal(): Promise<void> {
    const sanction = this.#sanction;
    if (sanction === null) return;
    const { field, input } = dialogTextField({
      label: 'appeal.label',
      hint: (max) => ref('appeal.hint', { max }),
      limit: 'appealText',
      name: 'appeal',
    });
    const done = await openDialog(this, {
      title: ref(sanction.kind === 'BAN' ? 'appeal.titleBan' : 'appeal.titleMute'),
      intro: ref('appeal.intro'),
      fields: [field],
      submit: 'appeal.submit',
      validate: () => (input.value.trim() === '' ? ref('appeal.empty') : textProblem('appealText', input.value)),
      run: async () => {
        await appeal(api, sanction.id, input.value);
      },
    });
    if (done) {
      this.#sanction = { ...sanction, appealed: true };
      this.#show();
      this.#sent.focus();
    }
  }
}

define('tp-appeal-button', AppealButton);

declare global {
  interface HTMLElementTagNameMap {
    'tp-appeal-button': AppealButton;
  }
}
