package fi.tukipiiri.delivery;

import java.util.UUID;

/**
 * A person lost access to a room (removed, banned, no longer staff of a private talk):
 * once the publishing transaction commits, their live subscriptions to every topic of the
 * room end on every node. It travels on the relay in order with the room's messages, so
 * nothing stored after the withdrawal reaches them.
 */
public record AccessWithdrawn(UUID roomId, UUID accountId) {
}
