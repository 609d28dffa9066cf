package fi.tukipiiri.rooms;

import java.time.Instant;

/**
 * One edit of a message by its writer: when it was made, and the text it replaced.
 *
 * @param editedAt when the writer saved the edit
 * @param previousBody the message's text before this edit
 */
public record MessageEdit(Instant editedAt, String previousBody) {
}
