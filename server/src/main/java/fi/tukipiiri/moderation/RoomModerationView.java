package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fi.tukipiiri.rooms.RoomState;

/**
 * A room's moderation state as one person sees it: what they may do, whether they are
 * muted, and, for those who review the room, the mutes and bans in force.
 */
public record RoomModerationView(UUID roomId, RoomState state, int slowModeSeconds, Pinned pinned, Set<Power> powers,
		boolean muted, Instant mutedUntil, List<Sanction> sanctions) {
}
