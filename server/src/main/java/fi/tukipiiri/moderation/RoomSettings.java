package fi.tukipiiri.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each room's slow mode and pinned announcement. */
@Repository
class RoomSettings {

	private final JdbcClient jdbc;

	RoomSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Settings(int slowModeSeconds, Pinned pinned) {
	}

	Settings of(UUID roomId) {
		return jdbc.sql("""
				select r.slow_mode_seconds, r.pinned_text, r.pinned_by, a.display_name, r.pinned_at
				from room_moderation r left join accounts a on a.id = r.pinned_by where r.room_id = :roomId
				""")
			.param("roomId", roomId)
			.query((rs, n) -> new Settings(rs.getInt("slow_mode_seconds"),
					rs.getString("pinned_text") == null ? null
							: new Pinned(rs.getString("pinned_text"), rs.getObject("pinned_by", UUID.class),
									rs.getString("display_name"), rs.getTimestamp("pinned_at").toInstant())))
			.optional()
			.orElse(new Settings(0, null));
	}

	void setSlowMode(UUID roomId, int seconds) {
		jdbc.sql("""
				insert into room_moderation (room_id, slow_mode_seconds) values (:roomId, :seconds)
				on conflict (room_id) do update set slow_mode_seconds = excluded.slow_mode_seconds
				""").param("roomId", roomId).param("seconds", seconds).update();
	}

	void pin(UUID roomId, String text, UUID by, Instant at) {
		jdbc.sql(
				"""
						insert into room_moderation (room_id, pinned_text, pinned_by, pinned_at) values (:roomId, :text, :by, :at)
						on conflict (room_id) do update set pinned_text = excluded.pinned_text, pinned_by = excluded.pinned_by,
						    pinned_at = excluded.pinned_at
						""")
			.param("roomId", roomId)
			.param("text", text)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean unpin(UUID roomId) {
		return jdbc.sql("""
				update room_moderation set pinned_text = null, pinned_by = null, pinned_at = null
				where room_id = :roomId and pinned_text is not null
				""").param("roomId", roomId).update() == 1;
	}

	/** Rooms whose announcement this person pinned. */
	List<UUID> pinnedBy(UUID accountId) {
		return jdbc.sql("select room_id from room_moderation where pinned_by = :id and pinned_text is not null")
			.param("id", accountId)
			.query(UUID.class)
			.list();
	}

	Optional<Integer> slowMode(UUID roomId) {
		return jdbc.sql("select slow_mode_seconds from room_moderation where room_id = :roomId")
			.param("roomId", roomId)
			.query(Integer.class)
			.optional();
	}

}
