package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An administrator changed someone's roles, or a person accepted an invitation that gave
 * them one; tokens that still carry the old roles must stop working.
 *
 * @param changedBy the administrator, or the person who invited
 * @param invitationId the accepted invitation that gave the role; null for an
 * administrator's change
 */
public record RolesChanged(UUID accountId, Set<Role> previousRoles, Set<Role> newRoles, UUID changedBy,
		Instant changedAt, UUID invitationId) {
}
