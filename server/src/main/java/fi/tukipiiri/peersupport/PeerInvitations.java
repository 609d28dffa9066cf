package fi.tukipiiri.peersupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Peer-supporter invitations. An open invitation past its expiry is read as
 * {@link PeerInvitation.Status#EXPIRED} (closed at its expiry) whether or not its row has
 * been marked yet.
 */
@Repository
class PeerInvitations {

	private static final String SELECT = """
			select i.id, i.series_id, se.title as series_title, i.account_id, a.display_name, i.invited_by,
			       b.display_name as invited_by_name, i.created_at, i.expires_at,
			       case when i.status = 'OPEN' and i.expires_at <= :now then 'EXPIRED' else i.status end as status,
			       case when i.status = 'OPEN' and i.expires_at <= :now then i.expires_at else i.closed_at end as closed_at
			from peer_invitations i
			join series se on se.id = i.series_id
			join accounts a on a.id = i.account_id
			left join accounts b on b.id = i.invited_by
			""";

	private final JdbcClient jdbc;

	PeerInvitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored row, as the service decides on it. */
	record Row(UUID id, UUID seriesId, UUID accountId, UUID invitedBy, PeerInvitation.Status status,
			Instant expiresAt) {

		boolean expiredAt(Instant now) {
			return status == PeerInvitation.Status.OPEN && !expiresAt.isAfter(now);
		}

	}

	void insert(UUID id, UUID seriesId, UUID accountId, UUID invitedBy, Instant at, Instant expiresAt) {
		jdbc.sql("""
				insert into peer_invitations (id, series_id, account_id, invited_by, status, created_at, expires_at)
				values (:id, :series, :account, :by, 'OPEN', :at, :expires)
				""")
			.param("id", id)
			.param("series", seriesId)
			.param("account", accountId)
			.param("by", invitedBy)
			.param("at", Timestamp.from(at))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * Marks the person's open invitations that are past their expiry as expired, so a new
	 * one may be made.
	 */
	void expireStale(UUID accountId, Instant now) {
		jdbc.sql("""
				update peer_invitations set status = 'EXPIRED', closed_at = expires_at
				where account_id = :account and status = 'OPEN' and expires_at <= :now
				""").param("account", accountId).param("now", Timestamp.from(now)).update();
	}

	/** Whether the person has an invitation that is open and not yet expired. */
	boolean hasOpen(UUID accountId, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from peer_invitations
				               where account_id = :account and status = 'OPEN' and expires_at > :now)
				""").param("account", accountId).param("now", Timestamp.from(now)).query(Boolean.class).single();
	}

	/** The row, locked for this transaction. */
	Optional<Row> lock(UUID id) {
		return jdbc.sql(
				"select id, series_id, account_id, invited_by, status, expires_at from peer_invitations where id = :id for update")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("series_id", UUID.class),
					rs.getObject("account_id", UUID.class), rs.getObject("invited_by", UUID.class),
					PeerInvitation.Status.valueOf(rs.getString("status")), rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	void close(UUID id, PeerInvitation.Status status, Instant at) {
		jdbc.sql("update peer_invitations set status = :status, closed_at = :at where id = :id")
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	Optional<PeerInvitation> find(UUID id, Instant now) {
		return jdbc.sql(SELECT + " where i.id = :id")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(PeerInvitations::invitation)
			.optional();
	}

	/** The person's invitations, newest first. */
	List<PeerInvitation> ofAccount(UUID accountId, Instant now) {
		return jdbc.sql(SELECT + " where i.account_id = :account order by i.created_at desc, i.id")
			.param("account", accountId)
			.param("now", Timestamp.from(now))
			.query(PeerInvitations::invitation)
			.list();
	}

	/** Each of these people's latest invitation, from any series. */
	Map<UUID, PeerInvitation> latestOf(Collection<UUID> accountIds, Instant now) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + """
				 where i.id in (select distinct on (account_id) id from peer_invitations
				                where account_id in (:accounts) order by account_id, created_at desc, id)
				""")
			.param("accounts", accountIds)
			.param("now", Timestamp.from(now))
			.query(PeerInvitations::invitation)
			.list()
			.stream()
			.collect(Collectors.toMap(PeerInvitation::accountId, Function.identity()));
	}

	void deleteOf(UUID accountId) {
		jdbc.sql("delete from peer_invitations where account_id = :account").param("account", accountId).update();
	}

	/**
	 * Deletes invitations that were declined, withdrawn or expired before the given
	 * instant; accepted ones stay as the origin of the role.
	 */
	int deleteClosedBefore(Instant before) {
		return jdbc.sql("""
				delete from peer_invitations
				where (status in ('DECLINED', 'WITHDRAWN', 'EXPIRED') and closed_at < :before)
				   or (status = 'OPEN' and expires_at < :before)
				""").param("before", Timestamp.from(before)).update();
	}

	private static PeerInvitation invitation(ResultSet rs, int row) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new PeerInvitation(rs.getObject("id", UUID.class), rs.getObject("series_id", UUID.class),
				rs.getString("series_title"), rs.getObject("account_id", UUID.class), rs.getString("display_name"),
				rs.getObject("invited_by", UUID.class), rs.getString("invited_by_name"),
				PeerInvitation.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), closed == null ? null : closed.toInstant());
	}

}
