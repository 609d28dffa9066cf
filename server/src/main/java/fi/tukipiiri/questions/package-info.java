/**
 * Questions to the staff of a live information session: participants ask, the staff see
 * the queue (and, for moderation, who asked) and publish a question into the stream
 * without a name, answer it, or set it aside; each asker follows their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questions")
package fi.tukipiiri.questions;
