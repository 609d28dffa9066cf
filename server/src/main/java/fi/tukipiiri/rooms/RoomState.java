package fi.tukipiiri.rooms;

/**
 * OPEN for writing; READ_ONLY keeps the conversation readable but closed to new messages;
 * ARCHIVED is kept for history.
 */
public enum RoomState {

	OPEN, READ_ONLY, ARCHIVED;

	public boolean acceptsMessages() {
		return this == OPEN;
	}

}
