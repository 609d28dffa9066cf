package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A person deleted their account: every token and connection of theirs must end on every
 * node.
 */
public record AccountErased(UUID accountId, Instant erasedAt) {
}
