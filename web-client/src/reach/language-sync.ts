import type { CurrentUser } from '../api/types.ts';

/**
 * Keeps the language of one's e-mails and push messages the same as the interface's: the
 * interface language is sent once after each sign-in (and registration, and a reload that
 * continues a session), and again whenever a signed-in person switches language. Guests get
 * neither e-mail nor push, so nothing is sent for them. A failure is silent and leaves the
 * language to send at the next chance; the switch itself never waits for it.
 */
export class ReachLanguageSync {
  readonly #send: (language: string) => Promise<void>;
  #user: string | null = null;
  /** The language the server last confirmed for `#user`. */
  #confirmed: string | null = null;
  #sending: Promise<void> | null = null;

  constructor(send: (language: string) => Promise<void>) {
    this.#send = send;
  }

  /** A session began or changed; null when signed out. */
  sessionChanged(user: CurrentUser | null, language: string): Promise<void> {
    const id = user === null || user.guest ? null : String(user.id);
    if (id !== this.#user) {
      this.#user = id;
      this.#confirmed = null;
    }
    return this.#sync(language);
  }

  /** The interface language was switched. */
  languageChanged(language: string): Promise<void> {
    return this.#sync(language);
  }

  async #sync(language: string): Promise<void> {
    const user = this.#user;
    if (user === null || this.#confirmed === language) return;
    // one request at a time; a switch made meanwhile is sent once it is answered
    if (this.#sending !== null) {
      await this.#sending;
      return this.#sync(language);
    }
    const sending = this.#send(language).then(
      () => {
        if (this.#user === user) this.#confirmed = language;
      },
      () => undefined,
    );
    this.#sending = sending;
    try {
      await sending;
    } finally {
      this.#sending = null;
    }
  }
}
