import { ApiClient } from './api/api-client.ts';
import { TokenStore } from './api/token-store.ts';
import { TokenSync } from './api/token-sync.ts';
import { ChatConnection, brokerUrlFor } from './chat/chat-connection.ts';
import { HiddenMembers } from './chat/hidden-members.ts';
import { AttentionSound } from './dom/attention-sound.ts';
import { DocumentTitle } from './dom/document-title.ts';
import { languages } from './i18n/languages.ts';
import { LocaleStore } from './i18n/locale-store.ts';
import { NotificationStore } from './notifications/notification-store.ts';
import { PushHere } from './push/push-device.ts';
import { saveReachLanguage } from './api/reach.ts';
import { ReachLanguageSync } from './reach/language-sync.ts';
import { Router } from './router.ts';
import { SessionStore } from './state/session-store.ts';
import { textLimits } from './text/text-limits.ts';

/** The application's single instances, shared by the components. */
export const documentTitle = new DocumentTitle(document);
/** The facilitator's optional chime for new reports and flags. */
export const attentionSound = new AttentionSound(window.localStorage);
export const tokens = new TokenStore(window.sessionStorage);
export const api = new ApiClient(tokens, undefined, TokenSync.forBrowser(tokens));
export const session = new SessionStore(api, tokens);
export const locale = new LocaleStore(languages, window.localStorage, navigator.languages);
export const router = new Router(window);
/** The signed-in person's notifications, shown by the bell in the header. */
export const notifications = new NotificationStore();
/** This browser's notifications on the device (Web Push), turned on in the settings. */
export const pushHere = new PushHere(api, window.localStorage);
/** The members whose messages the signed-in person hides from themselves. */
export const hiddenMembers = new HiddenMembers();

/** The tab's one chat connection; it connects when a room is opened and ends with the session. */
export const chat = new ChatConnection({
  brokerURL: () => brokerUrlFor(window.location),
  accessToken: (forceRefresh) => api.accessToken(forceRefresh),
  accessTokenExpiresAt: () => api.accessTokenExpiresAt,
});

/** The server's text limits, fetched at once; asked again at the next sign-in if they could not be had. */
void textLimits.load(api);

/** The language of one's e-mails and push messages follows the interface's (failures wait for the next chance). */
const reachLanguage = new ReachLanguageSync((language) => saveReachLanguage(api, language));
locale.on('locale-changed', (event) => void reachLanguage.languageChanged(event.locale));

session.on('session-changed', (event) => {
  void reachLanguage.sessionChanged(event.status === 'signed-in' ? event.user : null, locale.locale);
  if (!textLimits.loaded) void textLimits.load(api);
  // a subscription the browser renewed while no tab was open reaches the server now
  if (event.status === 'signed-in' && event.user !== null) pushHere.renew(String(event.user.id)).catch(() => undefined);
  if (event.status !== 'signed-in') {
    chat.stop();
    notifications.clear();
    hiddenMembers.clear();
  }
});
