package fi.tukipiiri.notifications.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored browser subscriptions; an endpoint belongs to one account at a time. */
@Repository
class PushSubscriptions {

	private final JdbcClient jdbc;

	PushSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's subscriptions, oldest first. */
	List<PushSubscription> of(UUID accountId) {
		return jdbc.sql("select * from push_subscriptions where account_id = :account order by created_at, id")
			.param("account", accountId)
			.query(PushSubscriptions::subscription)
			.list();
	}

	/** Locks the endpoint's row, whoever's it is, until the transaction ends. */
	Optional<PushSubscription> byEndpointForUpdate(String endpoint) {
		return jdbc.sql("select * from push_subscriptions where endpoint = :endpoint for update")
			.param("endpoint", endpoint)
			.query(PushSubscriptions::subscription)
			.optional();
	}

	/**
	 * Counts the account's subscriptions after locking its account row, so two devices
	 * subscribing at once cannot both take the last place.
	 */
	int countLockingAccount(UUID accountId) {
		jdbc.sql("select id from accounts where id = :account for update").param("account", accountId).query().rowSet();
		return jdbc.sql("select count(*) from push_subscriptions where account_id = :account")
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Stores a new subscription; an endpoint stored meanwhile by another request is taken
	 * over (the later keys win). Returns the stored row.
	 */
	PushSubscription upsert(PushSubscription subscription) {
		return jdbc.sql("""
				insert into push_subscriptions (id, account_id, endpoint, p256dh, auth, device_label, created_at)
				values (:id, :account, :endpoint, :p256dh, :auth, :label, :at)
				on conflict (endpoint) do update set account_id = excluded.account_id, p256dh = excluded.p256dh,
				  auth = excluded.auth, device_label = excluded.device_label
				returning *
				""")
			.param("id", subscription.id())
			.param("account", subscription.accountId())
			.param("endpoint", subscription.endpoint())
			.param("p256dh", subscription.p256dh())
			.param("auth", subscription.auth())
			.param("label", subscription.deviceLabel())
			.param("at", Timestamp.from(subscription.createdAt()))
			.query(PushSubscriptions::subscription)
			.single();
	}

	/**
	 * Gives an existing endpoint to an account with new keys. Moving to another account
	 * starts it afresh (created now, never delivered).
	 */
	PushSubscription update(PushSubscription existing, UUID accountId, String p256dh, String auth, String label,
			Instant now) {
		boolean moved = !existing.accountId().equals(accountId);
		return jdbc.sql("""
				update push_subscriptions set account_id = :account, p256dh = :p256dh, auth = :auth,
				  device_label = :label, created_at = :createdAt, last_delivered_at = :delivered
				where id = :id
				returning *
				""")
			.param("id", existing.id())
			.param("account", accountId)
			.param("p256dh", p256dh)
			.param("auth", auth)
			.param("label", label)
			.param("createdAt", Timestamp.from(moved ? now : existing.createdAt()))
			.param("delivered",
					moved || existing.lastDeliveredAt() == null ? null : Timestamp.from(existing.lastDeliveredAt()))
			.query(PushSubscriptions::subscription)
			.single();
	}

	boolean delete(UUID accountId, UUID id) {
		return jdbc.sql("delete from push_subscriptions where account_id = :account and id = :id")
			.param("account", accountId)
			.param("id", id)
			.update() == 1;
	}

	boolean deleteByEndpoint(UUID accountId, String endpoint) {
		return jdbc.sql("delete from push_subscriptions where account_id = :account and endpoint = :endpoint")
			.param("account", accountId)
			.param("endpoint", endpoint)
			.update() == 1;
	}

	/**
	 * Removes a subscription the push service said is gone, only if it still has the keys
	 * the message was sent with (the browser may have subscribed again meanwhile).
	 */
	void deleteGone(PushSubscription gone) {
		jdbc.sql("delete from push_subscriptions where id = :id and endpoint = :endpoint and p256dh = :p256dh")
			.param("id", gone.id())
			.param("endpoint", gone.endpoint())
			.param("p256dh", gone.p256dh())
			.update();
	}

	void delivered(UUID id, Instant at) {
		jdbc.sql("update push_subscriptions set last_delivered_at = :at where id = :id")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	void deleteAllOf(UUID accountId) {
		jdbc.sql("delete from push_subscriptions where account_id = :account").param("account", accountId).update();
	}

	private static PushSubscription subscription(ResultSet row, int index) throws SQLException {
		Timestamp delivered = row.getTimestamp("last_delivered_at");
		return new PushSubscription(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class),
				row.getString("endpoint"), row.getString("p256dh"), row.getString("auth"),
				row.getString("device_label"), row.getTimestamp("created_at").toInstant(),
				delivered == null ? null : delivered.toInstant());
	}

}
