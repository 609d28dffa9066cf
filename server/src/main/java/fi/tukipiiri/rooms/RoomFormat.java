package fi.tukipiiri.rooms;

/**
 * How a room is run. {@code DISCUSSION}: every member writes. {@code INFO_SESSION}: a
 * live information session in which only the room's staff (facilitators and peer
 * supporters) write messages; participants follow the stream and put questions to a queue
 * only the staff see, who publish, answer or set them aside.
 */
public enum RoomFormat {

	DISCUSSION, INFO_SESSION;

	/** Whether a member in this room role may post ordinary messages here. */
	public boolean letsWrite(RoomRole role) {
		return this == DISCUSSION || role != RoomRole.PARTICIPANT;
	}

}
