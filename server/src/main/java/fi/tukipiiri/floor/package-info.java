/**
 * The floor: raised hands in a room, the queue its facilitators give turns to speak from,
 * and "I pass" in a round, told live on the room's floor topic.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Floor")
package fi.tukipiiri.floor;
