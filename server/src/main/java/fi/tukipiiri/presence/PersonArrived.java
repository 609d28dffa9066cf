package fi.tukipiiri.presence;

import java.util.UUID;

/** A person's first connection arrived in a room (on any node). */
public record PersonArrived(UUID roomId, UUID accountId) {
}
