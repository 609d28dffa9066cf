package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An administrator changed someone's roles; tokens that still carry the old roles must
 * stop working.
 */
public record RolesChanged(UUID accountId, Set<Role> previousRoles, Set<Role> newRoles, UUID changedBy,
		Instant changedAt) {
}
