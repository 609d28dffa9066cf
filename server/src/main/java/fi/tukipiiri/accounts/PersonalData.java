package fi.tukipiiri.accounts;

import java.util.UUID;

/**
 * A feature's share of what the service holds about a person: it contributes one part to
 * the person's data export and erases (or anonymises) its data when the person deletes
 * their account. Features implement this; accounts calls every implementation, so no
 * feature's data is forgotten.
 */
public interface PersonalData {

	/** The name of this part in the export, e.g. {@code "messages"}. */
	String part();

	/**
	 * Everything this feature holds about the person, as JSON-ready records; nothing
	 * about anyone else.
	 */
	Object exportOf(UUID accountId);

	/**
	 * Runs in the erasing transaction, before the account row (and what cascades from it)
	 * is deleted.
	 */
	void erase(UUID accountId);

}
