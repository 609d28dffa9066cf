/**
 * Session notes: private notes a room's or a series' facilitators (the pair) keep for
 * each other and hand on to the next session's facilitators, read by no one else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Session notes")
package fi.tukipiiri.sessionnotes;
