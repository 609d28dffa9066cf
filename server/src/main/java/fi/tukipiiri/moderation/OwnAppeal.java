package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * One's own appeal as one reads it: the sanction's room and kind, what one wrote and the
 * answer; never who imposed or who answered.
 *
 * @param answer null until answered
 * @param answeredAt null until answered
 * @param outcome null until answered
 */
public record OwnAppeal(UUID id, UUID sanctionId, Sanction.Kind kind, UUID roomId, String roomTitle, String text,
		Instant createdAt, String answer, Instant answeredAt, Appeal.Outcome outcome) {
}
