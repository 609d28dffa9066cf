package fi.tukipiiri.rooms;

import java.util.UUID;

/** A new message was stored in a room (published inside the storing transaction; listeners run after commit). */
public record MessagePosted(UUID roomId, long seq, UUID messageId, UUID authorId, String body) {
}
