package fi.tukipiiri.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fi.tukipiiri.rooms.PrivateTalkTitles;

/** Stored notices. A notice of one kind about one subject is stored once per person. */
@Repository
class Notifications {

	private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Notifications(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** True if stored now; false if this person already had this notice. */
	boolean insert(UUID accountId, Notification notification) {
		return jdbc.sql("""
				insert into notifications (id, account_id, kind, subject_id, params, created_at)
				values (:id, :account, :kind, :subject, cast(:params as jsonb), :at)
				on conflict (account_id, kind, subject_id) do nothing
				""")
			.param("id", notification.id())
			.param("account", accountId)
			.param("kind", notification.kind())
			.param("subject", notification.subjectId())
			.param("params", json.writeValueAsString(notification.params()))
			.param("at", Timestamp.from(notification.createdAt()))
			.update() == 1;
	}

	List<Notification> latest(UUID accountId, boolean unreadOnly, int limit) {
		return jdbc
			.sql("select * from notifications where account_id = :account" + (unreadOnly ? " and read_at is null" : "")
					+ " order by created_at desc, id limit :limit")
			.param("account", accountId)
			.param("limit", limit)
			.query(this::notification)
			.list();
	}

	/**
	 * Drops the name (and the id beside it) from notices of this kind about the person.
	 * Notices stored before the id was kept beside the name are found by the name alone.
	 */
	void forgetName(String kind, String idParam, String nameParam, UUID accountId, String name) {
		jdbc.sql("""
				update notifications set params = params - :idParam - :nameParam
				where kind = :kind
				  and (params ->> :idParam = :id or (params ->> :idParam is null and params ->> :nameParam = :name))
				""")
			.param("kind", kind)
			.param("idParam", idParam)
			.param("nameParam", nameParam)
			.param("id", accountId.toString())
			.param("name", name)
			.update();
	}

	/**
	 * Replaces the person's name in the copied title of a private talk, in every notice
	 * about that room.
	 */
	void forgetNameInRoomTitle(UUID roomId, String name) {
		List<Map.Entry<UUID, String>> copies = jdbc.sql("""
				select id, params ->> 'roomTitle' as title from notifications
				where params ->> 'roomId' = :room and params ->> 'roomTitle' is not null
				""")
			.param("room", roomId.toString())
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("title")))
			.list();
		for (Map.Entry<UUID, String> copy : copies) {
			String title = PrivateTalkTitles.without(copy.getValue(), name);
			if (!title.equals(copy.getValue())) {
				jdbc.sql(
						"update notifications set params = jsonb_set(params, '{roomTitle}', to_jsonb(cast(:title as text))) where id = :id")
					.param("title", title)
					.param("id", copy.getKey())
					.update();
			}
		}
	}

	/** These notices, oldest first. */
	List<Notification> byIds(List<UUID> ids) {
		return jdbc.sql("select * from notifications where id in (:ids) order by created_at, id")
			.param("ids", ids)
			.query(this::notification)
			.list();
	}

	int markRead(UUID accountId, UUID id, Instant at) {
		return jdbc
			.sql("update notifications set read_at = coalesce(read_at, :at) where account_id = :account and id = :id")
			.param("at", Timestamp.from(at))
			.param("account", accountId)
			.param("id", id)
			.update();
	}

	void markAllRead(UUID accountId, Instant at) {
		jdbc.sql("update notifications set read_at = :at where account_id = :account and read_at is null")
			.param("at", Timestamp.from(at))
			.param("account", accountId)
			.update();
	}

	private Notification notification(ResultSet rs, int row) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getString("kind"),
				rs.getObject("subject_id", UUID.class), json.readValue(rs.getString("params"), PARAMS),
				rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}

}
