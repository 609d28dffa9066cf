package fi.tukipiiri.series;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

	/**
	 * The session a room was opened for.
	 *
	 * @param seriesId the series the session belongs to
	 * @param sessionId the session
	 * @param position its place in the series, from 1
	 */
	public record SessionRoom(UUID seriesId, UUID sessionId, int position) {
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

	/** The rooms of a series' sessions that have been opened so far. */
	@Transactional(readOnly = true)
	public List<UUID> roomsOfSeries(UUID seriesId) {
		return jdbc.sql("select room_id from series_sessions where series_id = :id and room_id is not null")
			.param("id", seriesId)
			.query(UUID.class)
			.list();
	}

	/** The session whose room this is; empty for a room outside any series. */
	@Transactional(readOnly = true)
	public Optional<SessionRoom> sessionOf(UUID roomId) {
		return jdbc.sql("select series_id, id, position from series_sessions where room_id = :roomId")
			.param("roomId", roomId)
			.query((rs, n) -> new SessionRoom(rs.getObject("series_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getInt("position")))
			.optional();
	}

	/**
	 * When the last session of each of these series ends (its cancelled sessions counted
	 * too); a series that does not exist is left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> lastSessionEnds(Collection<UUID> seriesIds) {
		if (seriesIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select series_id, max(ends_at) as last_end from series_sessions
				where series_id in (:ids) group by series_id
				""")
			.param("ids", seriesIds)
			.query((rs, n) -> Map.entry(rs.getObject("series_id", UUID.class), rs.getTimestamp("last_end").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
