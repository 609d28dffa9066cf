package fi.tukipiiri.rooms;

/** OPEN: a themed chat anyone signed in may join, guests included. CLOSED: a group whose members are listed. */
public enum RoomKind {
	OPEN, CLOSED
}
