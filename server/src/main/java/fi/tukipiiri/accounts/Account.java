package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person's identity in the service. Guests have no username or password and expire;
 * everyone else is registered. Only the display name (nickname) is ever shown to other
 * participants.
 */
public record Account(UUID id, String username, String displayName, Set<Role> roles, boolean guest, Instant createdAt,
		Instant expiresAt) {

	public Account {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isActiveAt(Instant now) {
		return expiresAt == null || now.isBefore(expiresAt);
	}
}
