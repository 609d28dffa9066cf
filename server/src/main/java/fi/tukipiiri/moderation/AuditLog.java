package fi.tukipiiri.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit log (the table refuses updates). A line's details are stored as
 * the JSON text of its {@link AuditDetails}; lines from before that hold free text, read
 * by {@link LegacyAuditDetails}.
 */
@Repository
class AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws IllegalArgumentException when the details are not of the action's shape
	 */
	void append(Instant at, UUID actorId, AuditAction action, UUID roomId, UUID targetId, UUID messageId, String reason,
			AuditDetails details) {
		append(null, at, actorId, action, roomId, targetId, messageId, reason, details);
	}

	/**
	 * Appends the line of an event once: a line with this {@code eventKey} already there
	 * (the event delivered again) leaves the log as it was.
	 * @param eventKey derived from the event the line records; null for none
	 * @return whether the line was added
	 * @throws IllegalArgumentException when the details are not of the action's shape
	 */
	boolean append(UUID eventKey, Instant at, UUID actorId, AuditAction action, UUID roomId, UUID targetId,
			UUID messageId, String reason, AuditDetails details) {
		if (!action.details().isInstance(details)) {
			throw new IllegalArgumentException(action + " takes " + action.details().getSimpleName() + " details");
		}
		return jdbc.sql("""
				insert into moderation_audit
				    (event_key, at, actor_id, action, room_id, target_id, message_id, reason, details)
				values (:eventKey, :at, :actorId, :action, :roomId, :targetId, :messageId, :reason, :details)
				on conflict (event_key) do nothing
				""")
			.param("eventKey", eventKey)
			.param("at", Timestamp.from(at))
			.param("actorId", actorId)
			.param("action", action.name())
			.param("roomId", roomId)
			.param("targetId", targetId)
			.param("messageId", messageId)
			.param("reason", reason == null ? "" : reason)
			.param("details", details instanceof AuditDetails.None ? "" : JSON.writeValueAsString(details))
			.update() == 1;
	}

	/**
	 * Blanks what the person wrote, and copies of their messages, in the lines that hold
	 * them: the reasons they gave (a report's reason is a category, not text, and stays;
	 * an appeal's text and an appeal's answer are the reasons of their {@code APPEAL} and
	 * {@code APPEAL_ANSWERED} lines), the announcements they pinned, and the text of
	 * their messages that were removed. The one change the table allows, and only in a
	 * transaction that declares it (changeset 031); every line keeps who did what, to
	 * whom and when. Personal text is only ever a line's whole details (an
	 * {@link AuditDetails.Text}), so blanking them keeps nothing else from being lost.
	 */
	void eraseTextOf(UUID accountId) {
		jdbc.sql("select set_config('tukipiiri.erasing_personal_text', 'on', true)").query(String.class).single();
		jdbc.sql("update moderation_audit set reason = '' where actor_id = :id and action <> 'REPORT' and reason <> ''")
			.param("id", accountId)
			.update();
		jdbc.sql("update moderation_audit set details = '' where actor_id = :id and action = 'PIN' and details <> ''")
			.param("id", accountId)
			.update();
		jdbc.sql("""
				update moderation_audit set details = ''
				where target_id = :id and action in ('REMOVE_MESSAGE', 'EDIT_OWN_MESSAGE', 'DELETE_OWN_MESSAGE')
				  and details <> ''
				""").param("id", accountId).update();
		jdbc.sql("select set_config('tukipiiri.erasing_personal_text', 'off', true)").query(String.class).single();
	}

	/** Newest first; {@code beforeId} pages further back. */
	List<AuditEntry> find(AuditFilter filter) {
		List<AuditEntry> entries = jdbc.sql("""
				select l.*, actor.display_name as actor_name, target.display_name as target_name
				from moderation_audit l
				left join accounts actor on actor.id = l.actor_id
				left join accounts target on target.id = l.target_id
				where (cast(:roomId as uuid) is null or l.room_id = :roomId)
				  and (cast(:actorId as uuid) is null or l.actor_id = :actorId)
				  and (cast(:targetId as uuid) is null or l.target_id = :targetId)
				  and (cast(:action as varchar) is null or l.action = :action)
				  and (cast(:from as timestamptz) is null or l.at >= :from)
				  and (cast(:to as timestamptz) is null or l.at < :to)
				  and (cast(:beforeId as bigint) is null or l.id < :beforeId)
				order by l.id desc limit :limit
				""")
			.param("roomId", filter.roomId())
			.param("actorId", filter.actorId())
			.param("targetId", filter.targetId())
			.param("action", filter.action() == null ? null : filter.action().name())
			.param("from", timestamp(filter.from()))
			.param("to", timestamp(filter.to()))
			.param("beforeId", filter.beforeId())
			.param("limit", filter.limit())
			.query((rs, n) -> entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
					AuditAction.valueOf(rs.getString("action")), rs.getObject("room_id", UUID.class),
					rs.getObject("target_id", UUID.class), rs.getString("target_name"),
					rs.getObject("message_id", UUID.class), rs.getString("reason"), rs.getString("details")))
			.list();
		return withHolderNames(entries);
	}

	private static AuditEntry entry(long id, Instant at, UUID actorId, String actorName, AuditAction action,
			UUID roomId, UUID targetId, String targetName, UUID messageId, String reason, String stored) {
		AuditDetails details = details(action, stored, reason);
		// An older report line held its category as its reason; it is in the details now.
		String shownReason = details instanceof AuditDetails.ReportDetails report && report.reportReason() != null
				&& report.reportReason().name().equals(reason) ? "" : reason;
		return new AuditEntry(id, at, actorId, actorName, action, roomId, targetId, targetName, messageId, shownReason,
				details);
	}

	/** The stored details in their action's shape: {@code {}} when blank or erased. */
	static AuditDetails details(AuditAction action, String stored, String reason) {
		if (stored.startsWith("{")) {
			try {
				return JSON.readValue(stored, action.details());
			}
			catch (JacksonException notJson) {
				// A text from before details had shapes that happens to start with a
				// brace.
			}
		}
		if (stored.isEmpty() && action != AuditAction.REPORT) {
			return new AuditDetails.None();
		}
		return LegacyAuditDetails.read(action, stored, reason);
	}

	/** Who held a taken-over concern, by their name now. */
	private List<AuditEntry> withHolderNames(List<AuditEntry> entries) {
		Set<UUID> holders = new HashSet<>();
		entries.forEach(entry -> {
			if (entry.details() instanceof AuditDetails.EscalationStep step && step.previousHolderId() != null) {
				holders.add(step.previousHolderId());
			}
		});
		if (holders.isEmpty()) {
			return entries;
		}
		Map<UUID, String> names = jdbc.sql("select id, display_name from accounts where id in (:ids)")
			.param("ids", holders)
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("display_name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return entries.stream().map(entry -> {
			if (entry.details() instanceof AuditDetails.EscalationStep step && step.previousHolderId() != null) {
				return entry.withDetails(step.withPreviousHolderName(names.get(step.previousHolderId())));
			}
			return entry;
		}).toList();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
