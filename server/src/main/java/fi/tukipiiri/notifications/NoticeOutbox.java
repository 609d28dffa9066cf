package fi.tukipiiri.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notices waiting to leave by e-mail or Web Push ({@code notice_outbox}). Rows are
 * claimed with {@code for update skip locked} and stay locked while they are sent, so two
 * nodes never send the same row, and a node that dies mid-send releases them (its
 * connection ends) for another to send.
 */
@Repository
class NoticeOutbox {

	/** A claimed row. */
	record Entry(UUID id, UUID accountId, UUID notificationId, OutboundChannel.Channel channel, int attempts) {
	}

	private final JdbcClient jdbc;

	NoticeOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(UUID accountId, UUID notificationId, OutboundChannel.Channel channel, Instant dueAt) {
		jdbc.sql("""
				insert into notice_outbox (id, account_id, notification_id, channel, due_at)
				values (:id, :account, :notification, :channel, :due)
				on conflict (notification_id, channel) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("account", accountId)
			.param("notification", notificationId)
			.param("channel", channel.name())
			.param("due", Timestamp.from(dueAt))
			.update();
	}

	/**
	 * Locks the pending rows of one person and channel whose earliest row is due,
	 * skipping rows another node holds; empty when nothing is due. The person's later
	 * rows come along (a burst leaves as one message, not one now and one a moment
	 * later). Must run in a transaction, which holds the lock until it ends.
	 */
	List<Entry> claimNextDue(Instant now) {
		List<Entry> first = jdbc.sql("""
				select id, account_id, notification_id, channel, attempts from notice_outbox
				where sent_at is null and dropped_at is null and due_at <= :now
				order by due_at, id limit 1 for update skip locked
				""").param("now", Timestamp.from(now)).query(NoticeOutbox::entry).list();
		if (first.isEmpty()) {
			return first;
		}
		// the rest of the same person's burst that is due too goes in the same message
		return jdbc.sql("""
				select id, account_id, notification_id, channel, attempts from notice_outbox
				where account_id = :account and channel = :channel and sent_at is null and dropped_at is null
				order by due_at, id for update skip locked
				""")
			.param("account", first.get(0).accountId())
			.param("channel", first.get(0).channel().name())
			.query(NoticeOutbox::entry)
			.list();
	}

	void markSent(List<UUID> ids, Instant at) {
		jdbc.sql("update notice_outbox set sent_at = :at, attempts = attempts + 1 where id in (:ids)")
			.param("at", Timestamp.from(at))
			.param("ids", ids)
			.update();
	}

	void markDropped(List<UUID> ids, String reason, Instant at) {
		jdbc.sql("update notice_outbox set dropped_at = :at, last_error = :reason where id in (:ids)")
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("ids", ids)
			.update();
	}

	/** Counts a failed attempt and sets when to try again. */
	void retryAt(List<UUID> ids, Instant dueAt, String reason) {
		jdbc.sql(
				"update notice_outbox set attempts = attempts + 1, due_at = :due, last_error = :reason where id in (:ids)")
			.param("due", Timestamp.from(dueAt))
			.param("reason", reason)
			.param("ids", ids)
			.update();
	}

	/** Waits without counting an attempt (quiet hours). */
	void postpone(List<UUID> ids, Instant dueAt) {
		jdbc.sql("update notice_outbox set due_at = :due where id in (:ids)")
			.param("due", Timestamp.from(dueAt))
			.param("ids", ids)
			.update();
	}

	/** Removes rows handled (sent or dropped) before {@code before}. */
	int deleteHandledBefore(Instant before) {
		return jdbc.sql("""
				delete from notice_outbox
				where (sent_at is not null and sent_at < :before) or (dropped_at is not null and dropped_at < :before)
				""").param("before", Timestamp.from(before)).update();
	}

	private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getObject("notification_id", UUID.class), OutboundChannel.Channel.valueOf(rs.getString("channel")),
				rs.getInt("attempts"));
	}

}
