/**
 * Rooms: themed open chats and closed groups, their members, the message store with
 * gap-free per-room sequence numbers, and delivery over STOMP to every node.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rooms")
package fi.tukipiiri.rooms;
