package fi.tukipiiri.series;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which series a session or a session room belongs to, for features that reach across a
 * series.
 */
@Component
public class SessionRooms {

	private final JdbcClient jdbc;

	SessionRooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<UUID> seriesOfSession(UUID sessionId) {
		return jdbc.sql("select series_id from series_sessions where id = :id")
			.param("id", sessionId)
			.query(UUID.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<UUID> seriesOf(UUID roomId) {
		return jdbc.sql("select series_id from series_sessions where room_id = :roomId")
			.param("roomId", roomId)
			.query(UUID.class)
			.optional();
	}

}
