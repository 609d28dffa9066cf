import type { CurrentUser } from '../api/types.ts';
import type { Route } from '../routes.ts';

export type SessionStatus = 'restoring' | 'signed-out' | 'signed-in';

/** The language of the interface changed. */
export class LocaleChangedEvent extends Event {
  static readonly eventName = 'locale-changed';
  readonly locale: string;

  constructor(locale: string) {
    super(LocaleChangedEvent.eventName);
    this.locale = locale;
  }
}

/** The signed-in user, or the lack of one, changed. */
export class SessionChangedEvent extends Event {
  static readonly eventName = 'session-changed';
  readonly status: SessionStatus;
  readonly user: CurrentUser | null;

  constructor(status: SessionStatus, user: CurrentUser | null) {
    super(SessionChangedEvent.eventName);
    this.status = status;
    this.user = user;
  }
}

/** The server no longer accepts the session's tokens, and refreshing them failed. */
export class SessionLostEvent extends Event {
  static readonly eventName = 'session-lost';

  constructor() {
    super(SessionLostEvent.eventName);
  }
}

/** The hash route changed. */
export class RouteChangedEvent extends Event {
  static readonly eventName = 'route-changed';
  readonly route: Route;
  readonly previous: Route | null;

  constructor(route: Route, previous: Route | null) {
    super(RouteChangedEvent.eventName);
    this.route = route;
    this.previous = previous;
  }
}

export type LocaleEventMap = {
  'locale-changed': LocaleChangedEvent;
};

export type SessionEventMap = {
  'session-changed': SessionChangedEvent;
};

export type ApiEventMap = {
  'session-lost': SessionLostEvent;
};

export type RouterEventMap = {
  'route-changed': RouteChangedEvent;
};
