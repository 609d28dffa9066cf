package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One recorded change of someone's roles: who made it and when.
 *
 * @param changedBy the administrator who changed the roles, or for a role given by
 * accepting an invitation the person who invited; null once that account is erased
 * @param invitationId the peer-supporter invitation whose acceptance gave the role; null
 * for an administrator's change
 */
public record RoleChange(Instant changedAt, UUID changedBy, String changedByDisplayName, Set<Role> previousRoles,
		Set<Role> newRoles, UUID invitationId) {
}
