/**
 * Presence and typing: who is in a room right now, across every node, kept in Redis with
 * expiring heartbeats so that the users of a node that dies disappear on their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Presence")
package fi.tukipiiri.presence;
