package fi.tukipiiri.rooms;

/** A member's part in one room, independent of their account roles. */
public enum RoomRole {

	PARTICIPANT, PEER_SUPPORTER, FACILITATOR

}
