/**
 * Moderation and safety: facilitators' powers in a room (remove messages, mute, remove,
 * ban, lock, slow mode, pin), reports, risk flags for facilitators, private talks, flood
 * limits, and the append-only audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
package fi.tukipiiri.moderation;
