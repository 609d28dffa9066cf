package fi.tukipiiri.presence;

import java.util.UUID;

/** A person's last connection left a room, or expired with its node. */
public record PersonLeft(UUID roomId, UUID accountId) {
}
