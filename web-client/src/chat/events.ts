import type { TextRef } from '../i18n/dom.ts';
import type { ModerationEvent, ModerationState, PersonalModerationEvent } from './moderation.ts';
import type { ChatProblem, SendAck } from './protocol.ts';
import type { OwnQuestion, OwnQuestionEvent } from './questions.ts';

/**
 * `online`: connected and subscribed; `connecting`: the first attempt; `reconnecting`: lost,
 * retrying; `moving`: the server asked this tab to connect again (it is restarting, or evening out
 * its load), which it does after the pause the server named.
 */
export type ConnectionStatus = 'offline' | 'connecting' | 'online' | 'reconnecting' | 'moving';

/** The chat connection went up or down. */
export class ConnectionStatusEvent extends Event {
  static readonly eventName = 'status-changed';
  readonly status: ConnectionStatus;

  constructor(status: ConnectionStatus) {
    super(ConnectionStatusEvent.eventName);
    this.status = status;
  }
}

/** A connection (first or again) is up and every watched room is subscribed: time to catch up. */
export class ConnectedEvent extends Event {
  static readonly eventName = 'connected';

  constructor() {
    super(ConnectedEvent.eventName);
  }
}

/** The server stored a message sent from this tab. */
export class AckEvent extends Event {
  static readonly eventName = 'ack';
  readonly ack: SendAck;

  constructor(ack: SendAck) {
    super(AckEvent.eventName);
    this.ack = ack;
  }
}

/** The server refused something sent over the chat connection. */
export class ChatProblemEvent extends Event {
  static readonly eventName = 'chat-problem';
  readonly problem: ChatProblem;

  constructor(problem: ChatProblem) {
    super(ChatProblemEvent.eventName);
    this.problem = problem;
  }
}

/** Something on the person's own moderation queue (a mute, a removal, a facilitator's task). */
export class ModerationQueueEvent extends Event {
  static readonly eventName = 'moderation-queue';
  readonly event: PersonalModerationEvent;

  constructor(event: PersonalModerationEvent) {
    super(ModerationQueueEvent.eventName);
    this.event = event;
  }
}

/** Something on the person's own question queue: one of their questions changed. */
export class OwnQuestionQueueEvent extends Event {
  static readonly eventName = 'own-question';
  readonly event: OwnQuestionEvent;

  constructor(event: OwnQuestionEvent) {
    super(OwnQuestionQueueEvent.eventName);
    this.event = event;
  }
}

export type ChatConnectionEventMap = {
  'status-changed': ConnectionStatusEvent;
  connected: ConnectedEvent;
  ack: AckEvent;
  'chat-problem': ChatProblemEvent;
  'moderation-queue': ModerationQueueEvent;
  'own-question': OwnQuestionQueueEvent;
};

/** The room itself, or whether it could be opened, changed. */
export class RoomChangedEvent extends Event {
  static readonly eventName = 'room-changed';

  constructor() {
    super(RoomChangedEvent.eventName);
  }
}

/** Why the list of messages changed; the view scrolls accordingly. `removed`: a facilitator removed one. */
export type MessagesChange = 'initial' | 'live' | 'earlier' | 'catch-up' | 'own' | 'outbox' | 'removed';

export class MessagesChangedEvent extends Event {
  static readonly eventName = 'messages-changed';
  readonly change: MessagesChange;

  constructor(change: MessagesChange) {
    super(MessagesChangedEvent.eventName);
    this.change = change;
  }
}

export class PresenceChangedEvent extends Event {
  static readonly eventName = 'presence-changed';

  constructor() {
    super(PresenceChangedEvent.eventName);
  }
}

/** The raised hands changed, or the turn went to someone (`turnTo`: their account id, else null). */
export class FloorChangedEvent extends Event {
  static readonly eventName = 'floor-changed';

  readonly turnTo: string | number | null;

  constructor(turnTo: string | number | null = null) {
    super(FloorChangedEvent.eventName);
    this.turnTo = turnTo;
  }
}

export class TypingChangedEvent extends Event {
  static readonly eventName = 'typing-changed';

  constructor() {
    super(TypingChangedEvent.eventName);
  }
}

/** Something to tell about the room as a whole (an error with no message of its own); null clears. */
export class RoomNoticeEvent extends Event {
  static readonly eventName = 'room-notice';
  readonly text: TextRef | null;

  constructor(text: TextRef | null) {
    super(RoomNoticeEvent.eventName);
    this.text = text;
  }
}

/**
 * The room's moderation changed: a live `event` (for views that fetch more on some, like the
 * facilitator panel), or null when the server's view was read again.
 */
export class ModerationChangedEvent extends Event {
  static readonly eventName = 'moderation-changed';
  readonly event: ModerationEvent | null;

  constructor(event: ModerationEvent | null) {
    super(ModerationChangedEvent.eventName);
    this.event = event;
  }
}

/**
 * An information session's questions changed: the lists, or (`own`) one of the person's own
 * questions reached a new state just now.
 */
export class QuestionsChangedEvent extends Event {
  static readonly eventName = 'questions-changed';
  readonly own: OwnQuestion | null;

  constructor(own: OwnQuestion | null = null) {
    super(QuestionsChangedEvent.eventName);
    this.own = own;
  }
}

export type RoomChatEventMap = {
  'questions-changed': QuestionsChangedEvent;
  'moderation-changed': ModerationChangedEvent;
  'room-changed': RoomChangedEvent;
  'messages-changed': MessagesChangedEvent;
  'presence-changed': PresenceChangedEvent;
  'typing-changed': TypingChangedEvent;
  'room-notice': RoomNoticeEvent;
  'floor-changed': FloorChangedEvent;
};

/**
 * The server refused a message of ours for good (`code`, e.g. `rooms.read_only`,
 * `moderation.muted`); `until` is the end of a mute it names (an ISO instant), if any.
 */
export class SendRefusedEvent extends Event {
  static readonly eventName = 'send-refused';
  readonly code: string;
  readonly until: string | null;

  constructor(code: string, until: string | null) {
    super(SendRefusedEvent.eventName);
    this.code = code;
    this.until = until;
  }
}

/**
 * A room's moderation state moved on from `before`: by a live `event`, or (null) by the server's
 * view or a refusal. The room brings its own state in line, then tells its views.
 */
export class ModerationStateEvent extends Event {
  static readonly eventName = 'moderation-state';
  readonly before: ModerationState;
  readonly event: ModerationEvent | null;

  constructor(before: ModerationState, event: ModerationEvent | null) {
    super(ModerationStateEvent.eventName);
    this.before = before;
    this.event = event;
  }
}

/** A timed mute of this person ended by itself: the composer opens again. */
export class MuteEndedEvent extends Event {
  static readonly eventName = 'mute-ended';

  constructor() {
    super(MuteEndedEvent.eventName);
  }
}
