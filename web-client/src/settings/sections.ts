import './account-section.ts';
import './recovery-section.ts';
import './sign-ins-section.ts';
import './email-section.ts';
import './notices-section.ts';
import './push-section.ts';

/**
 * The custom elements of the settings page, in the order shown. Each module registers its element
 * when imported; add a concern by importing its module here and naming its tag.
 */
export const settingsSections: readonly string[] = [
  'tp-settings-account',
  'tp-settings-recovery',
  'tp-settings-sign-ins',
  'tp-settings-email',
  'tp-settings-notices',
  'tp-push-section',
];
