package fi.tukipiiri.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered person took a new display name (nickname). Messages and member lists read
 * the name from the account, so everything shown from now on, past messages included,
 * carries the new one; features that keep a copy of the name elsewhere (a private talk's
 * title) or tell it live (who is present) follow this.
 *
 * @param previousName the name before, in its canonical form
 * @param newName the name now, in its canonical form
 */
public record DisplayNameChanged(UUID accountId, String previousName, String newName, Instant changedAt) {
}
