package fi.tukipiiri.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.PersonalData;

/**
 * What moderation holds about a person: reports they filed, mutes and bans they received
 * (not who imposed them), their appeals of those with the answers (not who answered), and
 * whom they hid. Reports keep their content without the reporter when the account goes;
 * the audit log keeps its lines, whose account ids then lead nowhere.
 */
@Component
class ModerationPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final RoomSettings settings;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Appeals appeals;

	ModerationPersonalData(JdbcClient jdbc, RoomSettings settings, AuditLog audit, Appeals appeals,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
		this.appeals = appeals;
		this.events = events;
	}

	record FiledReport(UUID roomId, String reason, String note, Instant createdAt, String status) {
	}

	record ReceivedSanction(String kind, UUID roomId, String reason, Instant imposedAt, Instant endsAt,
			Instant liftedAt) {
	}

	record Export(List<FiledReport> reportsFiled, List<ReceivedSanction> sanctions, List<OwnAppeal> appeals,
			List<UUID> hiddenMembers) {
	}

	@Override
	public String part() {
		return "moderation";
	}

	@Override
	public Object exportOf(UUID accountId) {
		List<FiledReport> reports = jdbc.sql(
				"select room_id, reason, note, created_at, status from reports where reporter_id = :id order by created_at")
			.param("id", accountId)
			.query((rs, n) -> new FiledReport(rs.getObject("room_id", UUID.class), rs.getString("reason"),
					rs.getString("note"), rs.getTimestamp("created_at").toInstant(), rs.getString("status")))
			.list();
		List<ReceivedSanction> sanctions = jdbc
			.sql("select * from sanctions where account_id = :id order by imposed_at")
			.param("id", accountId)
			.query((rs, n) -> new ReceivedSanction(rs.getString("kind"), rs.getObject("room_id", UUID.class),
					rs.getString("reason"), rs.getTimestamp("imposed_at").toInstant(),
					instant(rs.getTimestamp("ends_at")), instant(rs.getTimestamp("lifted_at"))))
			.list();
		List<UUID> hidden = jdbc.sql("select hidden_id from hidden_members where owner_id = :id order by hidden_at")
			.param("id", accountId)
			.query(UUID.class)
			.list();
		return new Export(reports, sanctions, appeals.of(accountId), hidden);
	}

	/**
	 * Sanctions received, appeals made and hidden lists go with the account (on delete
	 * cascade); reports lose their reporter (set null). What the person wrote and others
	 * keep is blanked here: the notes of reports they filed and handled, the reasons of
	 * sanctions they imposed, the answers to appeals they gave, the announcements they
	 * pinned (unpinned, and the room told), and their text (appeals among it) and copies
	 * of their messages in the audit log. The rows stay, for the people and the audit
	 * they concern.
	 */
	@Override
	public void erase(UUID accountId) {
		jdbc.sql("update reports set note = '' where reporter_id = :id and note <> ''").param("id", accountId).update();
		jdbc.sql("update reports set handling_note = '' where handled_by = :id and handling_note <> ''")
			.param("id", accountId)
			.update();
		jdbc.sql("update sanctions set reason = '' where imposed_by = :id and reason <> ''")
			.param("id", accountId)
			.update();
		appeals.eraseAnswersBy(accountId);
		for (UUID roomId : settings.pinnedBy(accountId)) {
			if (settings.unpin(roomId)) {
				events.publishEvent(new ModerationUpdate.AnnouncementUnpinned(roomId));
			}
		}
		audit.eraseTextOf(accountId);
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
