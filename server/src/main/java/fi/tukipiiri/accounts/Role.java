package fi.tukipiiri.accounts;

/**
 * What a person may do across the service. Room-level roles are separate and belong to
 * rooms.
 */
public enum Role {

	/** vanhempi, osallistuja: joins chats, enrols in series, gives feedback */
	PARENT,
	/**
	 * vertaistoimija: a former participant who helps run groups, without moderation power
	 * over facilitators
	 */
	PEER_SUPPORTER,
	/** ohjaaja: a trained professional who leads and moderates sessions */
	FACILITATOR,
	/** koordinaattori: plans and schedules series, reads attendance and feedback */
	COORDINATOR,
	/** ylläpitäjä: manages accounts and roles */
	ADMIN

}
