package fi.tukipiiri.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Holds a room's row lock on a connection of the test's own, so that the node's storing
 * thread waits on it with the first message it takes and later messages queue behind
 * (group commit). Released by {@link #release} or on close.
 */
public final class RoomRowLock implements AutoCloseable {

	private final Connection connection;

	private RoomRowLock(Connection connection) {
		this.connection = connection;
	}

	/** Locks the room's row until released. */
	public static RoomRowLock hold(DataSource dataSource, UUID roomId) throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection.prepareStatement("select 1 from rooms where id = ? for update")) {
			lock.setObject(1, roomId);
			lock.executeQuery();
		}
		return new RoomRowLock(connection);
	}

	/** Waits (at most 10 s) until a transaction of the node waits to lock rooms. */
	public static void awaitStoringThreadWaiting(JdbcClient jdbc) {
		await().atMost(10, TimeUnit.SECONDS)
			.until(() -> jdbc.sql(
					"select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%for no key update%'")
				.query(Long.class)
				.single() > 0);
	}

	/** Lets the waiting transaction go. */
	public void release() throws SQLException {
		this.connection.commit();
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
