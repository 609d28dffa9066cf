package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import fi.tukipiiri.delivery.Audience;
import fi.tukipiiri.delivery.LiveEvent;
import fi.tukipiiri.delivery.PersonalQueue;
import fi.tukipiiri.delivery.RoomTopic;
import fi.tukipiiri.moderation.ModerationService.BanScope;
import fi.tukipiiri.rooms.RoomState;

/**
 * What a room or a person hears live about moderation, published inside the transaction
 * that did it and delivered once it commits. Each is written as its fields plus
 * {@code type}, the name the web client reads
 * ({@code web-client/src/chat/moderation.ts}).
 */
sealed interface ModerationUpdate extends LiveEvent {

	/** The event's name on the wire, e.g. {@code member-muted}. */
	@JsonProperty("type")
	String type();

	UUID roomId();

	/** Told to everyone subscribed to the room's moderation topic. */
	sealed interface ToRoom extends ModerationUpdate {

		@Override
		default Audience audience() {
			return Audience.room(roomId(), RoomTopic.MODERATION);
		}

	}

	/** Told to one person, on their own moderation queue. */
	sealed interface ToPerson extends ModerationUpdate {

		/** Who hears it; not part of what they hear. */
		UUID recipient();

		@Override
		default Audience audience() {
			return Audience.person(recipient(), PersonalQueue.MODERATION);
		}

	}

	/** A reason as the person concerned sees it: null when none was given. */
	static String reasonOrNull(String reason) {
		return reason == null || reason.isEmpty() ? null : reason;
	}

	record MessageRemoved(UUID roomId, UUID messageId, long seq) implements ToRoom {
		public String type() {
			return "message-removed";
		}
	}

	/**
	 * @param until when the mute ends; null until lifted
	 */
	record MemberMuted(UUID roomId, UUID accountId, Instant until) implements ToRoom {
		public String type() {
			return "member-muted";
		}
	}

	record MemberUnmuted(UUID roomId, UUID accountId) implements ToRoom {
		public String type() {
			return "member-unmuted";
		}
	}

	record MemberRemoved(UUID roomId, UUID accountId) implements ToRoom {
		public String type() {
			return "member-removed";
		}
	}

	record MemberBanned(UUID roomId, UUID accountId, BanScope scope) implements ToRoom {
		public String type() {
			return "member-banned";
		}
	}

	/** The room was locked ({@code READ_ONLY}) or opened again ({@code OPEN}). */
	record RoomLockChanged(UUID roomId, RoomState state) implements ToRoom {
		public String type() {
			return state == RoomState.READ_ONLY ? "room-locked" : "room-unlocked";
		}
	}

	/**
	 * @param seconds least time between two messages of one person; 0 is off
	 */
	record SlowModeSet(UUID roomId, int seconds) implements ToRoom {
		public String type() {
			return "slow-mode";
		}
	}

	record AnnouncementPinned(UUID roomId, String text, String pinnedByName, Instant pinnedAt) implements ToRoom {
		public String type() {
			return "pinned";
		}
	}

	record AnnouncementUnpinned(UUID roomId) implements ToRoom {
		public String type() {
			return "unpinned";
		}
	}

	/**
	 * @param until when the mute ends; null until lifted
	 */
	record Muted(UUID roomId, UUID accountId, Instant until, String reason) implements ToPerson {
		public String type() {
			return "muted";
		}

		public UUID recipient() {
			return accountId;
		}
	}

	record Unmuted(@JsonIgnore UUID recipient, UUID roomId) implements ToPerson {
		public String type() {
			return "unmuted";
		}
	}

	record Removed(@JsonIgnore UUID recipient, UUID roomId, String reason) implements ToPerson {
		public String type() {
			return "removed";
		}
	}

	record Banned(@JsonIgnore UUID recipient, UUID roomId, BanScope scope, String reason) implements ToPerson {
		public String type() {
			return "banned";
		}
	}

	record Unbanned(@JsonIgnore UUID recipient, UUID roomId) implements ToPerson {
		public String type() {
			return "unbanned";
		}
	}

	/** The reporter's report about the room was handled. */
	record ReportHandled(@JsonIgnore UUID recipient, UUID roomId, UUID reportId) implements ToPerson {
		public String type() {
			return "report-handled";
		}
	}

	/**
	 * A facilitator opened (or reopened) a private talk with the recipient, from
	 * {@code roomId}.
	 */
	record TalkOpened(@JsonIgnore UUID recipient, UUID roomId, UUID privateRoomId,
			String facilitatorName) implements ToPerson {
		public String type() {
			return "private-talk-opened";
		}
	}

	/**
	 * Only the writer of a self-harm or violence message sees it; the client has the
	 * words in their language.
	 */
	record HelpCard(@JsonIgnore UUID recipient, UUID roomId, UUID messageId,
			List<String> categories) implements ToPerson {
		public String type() {
			return "help-card";
		}
	}

	/** To a facilitator of the room: a report was filed there. */
	record ReportFiled(@JsonIgnore UUID recipient, UUID roomId, UUID reportId) implements ToPerson {
		public String type() {
			return "report-filed";
		}
	}

	/**
	 * To a facilitator of the room: a message matched risk terms; the crisis message, per
	 * language, is ready to send.
	 */
	record RiskFlagged(@JsonIgnore UUID recipient, UUID roomId, UUID flagId, UUID messageId, long seq,
			List<String> categories, Map<String, String> crisisMessage) implements ToPerson {
		public String type() {
			return "risk-flag";
		}
	}

	/**
	 * To a facilitator of the room: a question put to an information session's staff
	 * matched risk terms (the question queue marks it too); the crisis message, per
	 * language, is ready to send.
	 */
	record QuestionFlagged(@JsonIgnore UUID recipient, UUID roomId, UUID flagId, UUID questionId,
			List<String> categories, Map<String, String> crisisMessage) implements ToPerson {
		public String type() {
			return "question-flagged";
		}
	}

	/** To a facilitator of the room: a participant asks for a private talk. */
	record PrivateTalkRequested(@JsonIgnore UUID recipient, UUID roomId, UUID accountId,
			String displayName) implements ToPerson {
		public String type() {
			return "private-talk-requested";
		}
	}

	/**
	 * To a coordinator or administrator: a signal in a room with no facilitator present
	 * was escalated to them.
	 */
	record Escalated(@JsonIgnore UUID recipient, UUID roomId, String roomTitle, Escalation.Signal signal,
			UUID escalationId) implements ToPerson {
		public String type() {
			return "escalation";
		}
	}

}
