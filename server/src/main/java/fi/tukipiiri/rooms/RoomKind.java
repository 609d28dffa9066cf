package fi.tukipiiri.rooms;

/**
 * OPEN: a themed chat anyone signed in may join, guests included. CLOSED: a group whose
 * members are listed. PRIVATE: a one-to-one talk between a facilitator and a participant.
 */
public enum RoomKind {

	OPEN, CLOSED, PRIVATE

}
