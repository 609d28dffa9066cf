package fi.tukipiiri.floor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The raised hands of every room, in PostgreSQL. A queue lists only hands of the room's
 * members, in the order the database took them.
 */
@Repository
class RaisedHands {

	private final JdbcClient jdbc;

	RaisedHands(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The room's queue, first raised first. */
	List<RaisedHand> queue(UUID roomId) {
		return jdbc.sql("""
				select h.account_id, a.display_name, h.raised_at
				from raised_hands h
				join room_members m on m.room_id = h.room_id and m.account_id = h.account_id
				join accounts a on a.id = h.account_id
				where h.room_id = :roomId
				order by h.place
				""").param("roomId", roomId).query(RaisedHands::hand).list();
	}

	/** The member's raised hand in the room, if it is up. */
	Optional<RaisedHand> of(UUID roomId, UUID accountId) {
		return jdbc.sql("""
				select h.account_id, a.display_name, h.raised_at
				from raised_hands h join accounts a on a.id = h.account_id
				where h.room_id = :roomId and h.account_id = :accountId
				""").param("roomId", roomId).param("accountId", accountId).query(RaisedHands::hand).optional();
	}

	/**
	 * Raises the hand unless it is up already; whether it was raised now (a hand already
	 * up keeps its place and time).
	 */
	boolean raise(UUID roomId, UUID accountId, Instant at) {
		return jdbc.sql("""
				insert into raised_hands (room_id, account_id, raised_at) values (:roomId, :accountId, :at)
				on conflict (room_id, account_id) do nothing
				""")
			.param("roomId", roomId)
			.param("accountId", accountId)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Takes the hand down; the display name of its owner if it was up. */
	Optional<String> lower(UUID roomId, UUID accountId) {
		return jdbc.sql("""
				delete from raised_hands h using accounts a
				where h.room_id = :roomId and h.account_id = :accountId and a.id = h.account_id
				returning a.display_name
				""").param("roomId", roomId).param("accountId", accountId).query(String.class).optional();
	}

	/** Takes every hand in the room down. */
	void clear(UUID roomId) {
		jdbc.sql("delete from raised_hands where room_id = :roomId").param("roomId", roomId).update();
	}

	private static RaisedHand hand(ResultSet rs, int row) throws SQLException {
		return new RaisedHand(rs.getObject("account_id", UUID.class), rs.getString("display_name"),
				rs.getTimestamp("raised_at").toInstant());
	}

}
