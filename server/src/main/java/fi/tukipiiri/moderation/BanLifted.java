package fi.tukipiiri.moderation;

import java.util.UUID;

/**
 * A ban on the person was lifted, by a facilitator's unban or by the answer to their
 * appeal; they are told. {@code sanctionId} is one of the bans lifted (the earliest), so
 * that the same lifting is told once; {@code roomTitle} is the room's where it was
 * lifted.
 */
public record BanLifted(UUID sanctionId, UUID accountId, UUID roomId, String roomTitle) {
}
