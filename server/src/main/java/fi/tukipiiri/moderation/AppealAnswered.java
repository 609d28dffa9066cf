package fi.tukipiiri.moderation;

import java.util.UUID;

/**
 * A coordinator or an administrator answered the person's appeal of a mute or a ban in
 * the room; they are told the outcome (the answer itself they read with their appeals).
 */
public record AppealAnswered(UUID appealId, UUID accountId, UUID roomId, String roomTitle, Sanction.Kind kind,
		Appeal.Outcome outcome) {
}
