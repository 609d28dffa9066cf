import { FormAlert } from '../components/form-alert.ts';
import { locale } from '../context.ts';
import { h, uniqueId } from '../dom/h.ts';
import { saveFile } from '../dom/save-file.ts';
import { ref, translated } from '../i18n/dom.ts';

/**
 * Recovery codes shown the one time the server gives them: as a list, with buttons to copy them
 * all and to download them as a text file. Nothing here keeps them; once the view is gone they
 * are gone from the page.
 */
export class RecoveryCodesView {
  readonly element: HTMLElement;

  constructor(codes: readonly string[], username: string) {
    const listId = uniqueId('recovery-codes');
    const status = new FormAlert('info', 'recovery-codes-status');
    const list = h(
      'ol',
      { class: 'recovery-codes', id: listId, 'data-testid': 'recovery-codes' },
      ...codes.map((code) => h('li', {}, h('code', { translate: 'no' }, code))),
    );
    const label = translated(locale, 'span', 'recoveryCodes.listLabel', { class: 'visually-hidden' });
    label.id = uniqueId('recovery-codes-label');
    list.setAttribute('aria-labelledby', label.id);
    const copy = translated(locale, 'button', 'recoveryCodes.copy', {
      type: 'button',
      class: 'button-secondary',
      'data-testid': 'copy-recovery-codes',
    });
    copy.addEventListener('click', () => {
      void navigator.clipboard
        .writeText(codes.join('\n'))
        .then(() => status.show(ref('recoveryCodes.copied')))
        .catch(() => status.show(ref('recoveryCodes.copyFailed')));
    });
    const download = translated(locale, 'button', 'recoveryCodes.download', {
      type: 'button',
      class: 'button-secondary',
      'data-testid': 'download-recovery-codes',
    });
    download.addEventListener('click', () => {
      const text = [locale.t('recoveryCodes.fileTitle', { username }), '', ...codes, ''].join('\n');
      saveFile({ blob: new Blob([text], { type: 'text/plain;charset=utf-8' }), filename: null }, 'tukipiiri-recovery-codes.txt');
    });
    this.element = h(
      'div',
      { class: 'recovery-codes-view stack' },
      label,
      list,
      h('div', { class: 'actions' }, copy, download),
      status.element,
    );
  }
}
