package fi.tukipiiri.rooms;

import java.time.Instant;
import java.util.UUID;

/**
 * A room; its {@code title} holds at most {@value #TITLE_MAX} characters (code points, as
 * the database counts them).
 *
 * @param format whether members discuss or staff hold an information session
 */
public record Room(UUID id, String title, String theme, RoomKind kind, RoomState state, Instant createdAt, long lastSeq,
		RoomFormat format) {

	public static final int TITLE_MAX = 120;

}
