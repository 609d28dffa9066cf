package fi.tukipiiri.moderation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A safety signal (risk flag, report, request for a private talk) was raised in a room
 * and routed: the room's facilitators are told, and when none of them was present it was
 * escalated to the coordinators and administrators in {@code escalatedTo}. Published
 * inside the transaction that recorded it; the notices follow from it after commit.
 *
 * @param noticeKind the notice each of {@code facilitators} gets about {@code signalId},
 * with {@code noticeParams}
 * @param escalationId the escalation, or null when a facilitator was present
 * @param escalatedTo who the escalation went to; empty when it was not escalated
 */
public record SafetySignalRaised(Escalation.Signal kind, UUID signalId, UUID roomId, String roomTitle,
		String noticeKind, Map<String, String> noticeParams, List<UUID> facilitators, UUID escalationId,
		List<UUID> escalatedTo) {

	public SafetySignalRaised {
		noticeParams = Map.copyOf(noticeParams);
		facilitators = List.copyOf(facilitators);
		escalatedTo = List.copyOf(escalatedTo);
	}
}
