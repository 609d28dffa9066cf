package fi.tukipiiri.rooms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a room's messages are kept, per room kind, counted from when the room closed
 * (a session's room closes when the session ends), or from the message itself in a room
 * that is still open. Features that keep what was said around messages (the questions of
 * an information session) keep it as long.
 *
 * @param open messages of open themed chats
 * @param closed messages of closed groups
 * @param privateTalks messages of one-to-one talks
 */
@ConfigurationProperties("tukipiiri.retention.messages")
public record MessageRetentionTimes(@DefaultValue("30d") Duration open, @DefaultValue("365d") Duration closed,
		@DefaultValue("90d") Duration privateTalks) {

	/** The retention time of a room of this kind. */
	public Duration of(RoomKind kind) {
		return switch (kind) {
			case OPEN -> open;
			case CLOSED -> closed;
			case PRIVATE -> privateTalks;
		};
	}

}
