package fi.tukipiiri.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Mutes and bans, each in force from when it is imposed until it ends or is lifted. */
@Repository
class Sanctions {

	private static final String IN_FORCE = "lifted_at is null and (ends_at is null or ends_at > :now)";

	/** {@link #IN_FORCE} for a query that names the sanctions table {@code s}. */
	private static final String S_IN_FORCE = "s.lifted_at is null and (s.ends_at is null or s.ends_at > :now)";

	private final JdbcClient jdbc;

	Sanctions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Sanction sanction) {
		jdbc.sql(
				"""
						insert into sanctions (id, kind, room_id, series_id, account_id, reason, imposed_by, imposed_at, ends_at)
						values (:id, :kind, :roomId, :seriesId, :accountId, :reason, :imposedBy, :imposedAt, :endsAt)
						""")
			.param("id", sanction.id())
			.param("kind", sanction.kind().name())
			.param("roomId", sanction.roomId())
			.param("seriesId", sanction.seriesId())
			.param("accountId", sanction.accountId())
			.param("reason", sanction.reason())
			.param("imposedBy", sanction.imposedBy())
			.param("imposedAt", Timestamp.from(sanction.imposedAt()))
			.param("endsAt", sanction.endsAt() == null ? null : Timestamp.from(sanction.endsAt()))
			.update();
	}

	/**
	 * Lifts every sanction of the kind on the person in the room (and, for bans, in the
	 * room's series); the ids of those lifted, the earliest imposed first.
	 */
	List<UUID> lift(Sanction.Kind kind, UUID roomId, UUID seriesId, UUID accountId, UUID liftedBy, Instant now) {
		return jdbc.sql(
				"update sanctions set lifted_by = :by, lifted_at = :now where kind = :kind and account_id = :accountId and "
						+ "(room_id = :roomId or (cast(:seriesId as uuid) is not null and series_id = :seriesId)) and "
						+ IN_FORCE + " returning id, imposed_at")
			.param("by", liftedBy)
			.param("now", Timestamp.from(now))
			.param("kind", kind.name())
			.param("accountId", accountId)
			.param("roomId", roomId)
			.param("seriesId", seriesId)
			.query((rs, n) -> Map.entry(rs.getTimestamp("imposed_at").toInstant(), rs.getObject("id", UUID.class)))
			.list()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(Map.Entry::getValue)
			.toList();
	}

	/** The title of the room a sanction was imposed in. */
	String roomTitle(UUID roomId) {
		return jdbc.sql("select title from rooms where id = :id").param("id", roomId).query(String.class).single();
	}

	boolean banned(UUID roomId, UUID seriesId, UUID accountId, Instant now) {
		return jdbc
			.sql("select exists (select 1 from sanctions where kind = 'BAN' and account_id = :accountId and "
					+ "(room_id = :roomId or (cast(:seriesId as uuid) is not null and series_id = :seriesId)) and "
					+ IN_FORCE + ")")
			.param("accountId", accountId)
			.param("roomId", roomId)
			.param("seriesId", seriesId)
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

	/**
	 * What a send must respect in one look: the room's slow mode and any mute in force on
	 * the sender.
	 */
	record SendLimits(int slowModeSeconds, boolean muted, Instant mutedUntil) {
	}

	/** A person in a room. */
	record Seat(UUID roomId, UUID accountId) {
	}

	/**
	 * The room's slow mode and the person's mute there, for every pair at once; a pair
	 * under no rule has slow mode 0 and no mute.
	 */
	Map<Seat, SendLimits> sendLimits(Collection<Seat> seats, Instant now) {
		Map<Seat, SendLimits> limits = new HashMap<>();
		jdbc.sql(
				"""
						select k.room_id, k.account_id, coalesce(rm.slow_mode_seconds, 0) as slow,
						       m.mutes > 0 as muted, case when m.open_ended then null else m.until end as until
						from (select distinct room_id, account_id from unnest(:rooms, :accounts) as u(room_id, account_id)) k
						left join room_moderation rm on rm.room_id = k.room_id
						cross join lateral (
						    select count(*) as mutes, coalesce(bool_or(ends_at is null), false) as open_ended, max(ends_at) as until
						    from sanctions s
						    where s.kind = 'MUTE' and s.room_id = k.room_id and s.account_id = k.account_id and
						"""
						+ S_IN_FORCE + ") m")
			.param("rooms", new SqlArrayValue("uuid", seats.stream().map(Seat::roomId).toArray()))
			.param("accounts", new SqlArrayValue("uuid", seats.stream().map(Seat::accountId).toArray()))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> limits.put(
					new Seat(rs.getObject("room_id", UUID.class), rs.getObject("account_id", UUID.class)),
					new SendLimits(rs.getInt("slow"), rs.getBoolean("muted"), instant(rs.getTimestamp("until")))))
			.list();
		return limits;
	}

	/** Sanctions in force in the room, including series-wide bans of its series. */
	List<Sanction> inForce(UUID roomId, UUID seriesId, Instant now) {
		return jdbc
			.sql("select s.*, a.display_name from sanctions s join accounts a on a.id = s.account_id where "
					+ "(s.room_id = :roomId or (cast(:seriesId as uuid) is not null and s.series_id = :seriesId)) and "
					+ S_IN_FORCE + " order by s.imposed_at")
			.param("roomId", roomId)
			.param("seriesId", seriesId)
			.param("now", Timestamp.from(now))
			.query(Sanctions::sanction)
			.list();
	}

	Optional<Sanction> muteOf(UUID roomId, UUID accountId, Instant now) {
		return jdbc
			.sql("select s.*, a.display_name from sanctions s join accounts a on a.id = s.account_id where "
					+ "s.kind = 'MUTE' and s.room_id = :roomId and s.account_id = :accountId and " + S_IN_FORCE
					+ " order by s.ends_at desc nulls first limit 1")
			.param("roomId", roomId)
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.query(Sanctions::sanction)
			.optional();
	}

	private static Sanction sanction(ResultSet rs, int row) throws SQLException {
		return new Sanction(rs.getObject("id", UUID.class), Sanction.Kind.valueOf(rs.getString("kind")),
				rs.getObject("room_id", UUID.class), rs.getObject("series_id", UUID.class),
				rs.getObject("account_id", UUID.class), rs.getString("display_name"), rs.getString("reason"),
				rs.getObject("imposed_by", UUID.class), rs.getTimestamp("imposed_at").toInstant(),
				instant(rs.getTimestamp("ends_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
