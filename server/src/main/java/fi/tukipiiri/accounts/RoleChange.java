package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One recorded change of someone's roles: who made it and when. */
public record RoleChange(Instant changedAt, UUID changedBy, String changedByDisplayName, Set<Role> previousRoles,
		Set<Role> newRoles) {
}
