import { FormField } from '../components/form-field.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { passwordRule, sameAs } from './rules.ts';

/** A new password and its confirmation, as every form that sets one asks for them. */
export type NewPasswordFields = { readonly password: FormField; readonly confirm: FormField };

/**
 * The two fields of a new password: the password rule and the server's length limit on the first,
 * the same text again on the second; both `new-password` for password managers. `name` is the
 * field the server names when it refuses the password (`password` at registration).
 */
export function newPasswordFields(label: MessageKey, confirmLabel: MessageKey, name = 'newPassword'): NewPasswordFields {
  const password = new FormField({
    name,
    label,
    hint: 'register.passwordHint',
    type: 'password',
    autocomplete: 'new-password',
    rule: passwordRule,
    limit: 'password',
  });
  const confirm = new FormField({
    name: `${name}Confirm`,
    label: confirmLabel,
    type: 'password',
    autocomplete: 'new-password',
    rule: sameAs(() => password.value),
  });
  return { password, confirm };
}
