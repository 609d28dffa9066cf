package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's password was replaced: every sign-in of theirs, and every live connection
 * standing on one, must end on every node before the change commits, except the one they
 * changed it from.
 *
 * @param keptSignIn the sign-in (refresh-token family) that stays; null when none does (a
 * recovery or a reset)
 */
public record PasswordChanged(UUID accountId, UUID keptSignIn, Instant changedAt) {
}
