package fi.tukipiiri.rooms;

/** A room as one person sees it: whether they are a member and in which room role. */
public record VisibleRoom(Room room, boolean member, RoomRole myRole) {
}
