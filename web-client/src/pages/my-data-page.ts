import { downloadMyData, eraseMyAccount } from '../api/accounts.ts';
import { ApiError, problemOf } from '../api/problem.ts';
import { CheckField } from '../components/check-field.ts';
import '../components/peer-invitations.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { PasswordToggle } from '../components/password-toggle.ts';
import { api, locale, router, session } from '../context.ts';
import { fetchOwnAppeals } from '../api/appeals.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { saveFile } from '../dom/save-file.ts';
import { FormController } from '../forms/form-controller.ts';
import { problemText } from '../forms/problem-text.ts';
import { requiredRule } from '../forms/rules.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import { hashOf } from '../routes.ts';
import { quoteBlock } from '../dom/quote.ts';

/**
 * One's own data: download everything the service holds about oneself as JSON, and delete the
 * account. Deleting asks for a ticked confirmation and, from registered users, their password;
 * afterwards the session ends here too and the start page says what happened.
 */
class MyDataPage extends Component {
  protected render(): void {
    const user = session.user;
    const guest = user?.guest ?? false;
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          translated(locale, 'h1', 'myData.title', { tabindex: '-1' }),
          translated(locale, 'p', 'myData.intro', { class: 'lead' }),
        ),
        this.#exportPart(),
        this.#workbookPart(),
        this.#appealsPart(),
        h('tp-peer-invitations'),
        this.#erasurePart(guest),
        h('p', { class: 'aside' }, translated(locale, 'a', 'myData.back', { href: hashOf('home') })),
      ),
    );
  }

  #exportPart(): HTMLElement {
    const headingId = uniqueId('my-data-export');
    const status = new FormAlert('info', 'export-status');
    const alert = new FormAlert('error', 'export-alert');
    const hintId = uniqueId('export-hint');
    const button = translated(locale, 'button', 'myData.exportButton', {
      type: 'button',
      class: 'button-secondary',
      'data-testid': 'export-button',
      'aria-describedby': hintId,
    });
    button.addEventListener('click', () => void this.#export(button, status, alert));
    return h(
      'section',
      { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'my-data-export' },
      translated(locale, 'h2', 'myData.exportHeading', { id: headingId }),
      translated(locale, 'p', 'myData.exportText'),
      status.element,
      alert.element,
      h('div', { class: 'actions' }, button),
      translated(locale, 'p', 'myData.exportHint', { id: hintId, class: 'field-hint', 'data-testid': 'export-hint' }),
    );
  }

  /** Where one's workbook is: it is one's own data too. */
  #workbookPart(): HTMLElement {
    const headingId = uniqueId('my-workbook');
    return h(
      'section',
      { class: 'card', 'aria-labelledby': headingId, 'data-testid': 'my-data-workbook' },
      translated(locale, 'h2', 'myData.workbookHeading', { id: headingId }),
      translated(locale, 'p', 'myData.workbookText'),
      h('p', {}, translated(locale, 'a', 'myData.workbookLink', { href: hashOf('workbook'), 'data-testid': 'my-data-workbook-link' })),
    );
  }

  /** One's own appeals of mutes and bans, with their answers; nothing when there are none. */
  #appealsPart(): HTMLElement {
    const headingId = uniqueId('my-appeals');
    const list = h('ul', { class: 'overview-list', 'data-testid': 'own-appeals' });
    const part = h(
      'section',
      { class: 'card', 'aria-labelledby': headingId, hidden: true },
      translated(locale, 'h2', 'myData.appealsHeading', { id: headingId }),
      list,
    );
    void fetchOwnAppeals(api)
      .then((appeals) => {
        part.hidden = appeals.length === 0;
        list.replaceChildren(
          ...appeals.map((item) => {
            const what = h('p', { class: 'appeal-what' });
            setText(locale, what, ref(item.kind === 'BAN' ? 'myData.appealBan' : 'myData.appealMute', { room: item.roomTitle }));
            const words = quoteBlock(item.text);
            const outcome = h('p', { 'data-testid': 'own-appeal-outcome' });
            setText(locale, outcome, ref(item.outcome === null ? 'myData.appealWaiting' : `myData.appealOutcome.${item.outcome}`));
            const answer = h('p', { class: 'appeal-answer' });
            answer.textContent = item.answer ?? '';
            answer.hidden = item.answer === null;
            return h('li', { class: 'overview-item' }, what, words, outcome, answer);
          }),
        );
      })
      .catch(() => undefined);
    return part;
  }

  /** Fetches one's own data and hands it to the browser as a file; the button rests meanwhile. */
  async #export(button: HTMLElement, status: FormAlert, alert: FormAlert): Promise<void> {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    alert.clear();
    status.show(ref('myData.exporting'));
    try {
      saveFile(await downloadMyData(api), 'tukipiiri-my-data.json');
      status.show(ref('myData.exported'));
    } catch (error) {
      status.clear();
      alert.show(problemText(problemOf(error)));
    } finally {
      button.removeAttribute('aria-disabled');
    }
  }

  #erasurePart(guest: boolean): HTMLElement {
    const headingId = uniqueId('my-data-erase');
    const alert = new FormAlert('error', 'erase-alert');
    const password = guest
      ? null
      : new FormField({
          name: 'password',
          label: 'myData.password',
          hint: 'myData.passwordHint',
          type: 'password',
          autocomplete: 'current-password',
          rule: requiredRule,
        });
    const confirm = new CheckField({ name: 'confirmErasure', label: 'myData.confirm', required: true });
    const submit = translated(locale, 'button', 'myData.eraseButton', { type: 'submit', class: 'button-danger' });
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId, 'data-testid': 'erase-form' },
      password?.element ?? null,
      password === null ? null : new PasswordToggle('form.showPassword', [password.input]).element,
      confirm.element,
      alert.element,
      submit,
    );
    new FormController(form, password === null ? [confirm] : [password, confirm], alert, submit).onSubmit(async () => {
      try {
        await eraseMyAccount(api, password === null ? null : password.value);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'accounts.password_mismatch' && password !== null) {
          password.value = '';
        }
        throw error;
      }
      session.accountErased();
      router.navigate('landing');
    });
    return h(
      'section',
      { class: 'card card-danger', 'aria-labelledby': headingId, 'data-testid': 'my-data-erase' },
      translated(locale, 'h2', 'myData.eraseHeading', { id: headingId }),
      translated(locale, 'p', 'myData.eraseText'),
      guest ? translated(locale, 'p', 'myData.eraseGuest', { class: 'note' }) : null,
      form,
    );
  }
}

define('tp-my-data-page', MyDataPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-my-data-page': MyDataPage;
  }
}
