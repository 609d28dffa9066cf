package fi.tukipiiri.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL flushes every commit to disk when its data directory is kept
 * between runs, and keeps what was committed across a restart; in a temporary directory
 * it skips the flushes.
 */
class EmbeddedPostgresDurabilityTest {

	private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

	@TempDir
	Path kept;

	@Test
	void aKeptDataDirectoryIsWrittenDurablyAndSurvivesARestart() throws IOException, SQLException {
		String directory = kept.resolve("pgdata").toString();
		try (EmbeddedPostgres postgres = EmbeddedInfrastructure.postgresBuilder(directory).start()) {
			assertThat(settings(postgres)).containsExactly(Map.entry("fsync", "on"),
					Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create table kept (note text)");
				statement.execute("insert into kept values ('still here')");
			}
		}
		try (EmbeddedPostgres postgres = EmbeddedInfrastructure.postgresBuilder(directory).start();
				Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select note from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("still here");
			assertThat(settings(postgres)).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
		}
	}

	@Test
	void aTemporaryDataDirectorySkipsTheFlushes() throws IOException, SQLException {
		try (EmbeddedPostgres postgres = EmbeddedInfrastructure.postgresBuilder(null).start()) {
			assertThat(settings(postgres)).containsExactly(Map.entry("fsync", "off"),
					Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
		}
	}

	/** What {@code show} answers for each durability setting, in order. */
	private static Map<String, String> settings(EmbeddedPostgres postgres) throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String setting : DURABILITY) {
				try (ResultSet rows = statement.executeQuery("show " + setting)) {
					rows.next();
					settings.put(setting, rows.getString(1));
				}
			}
		}
		return settings;
	}

}
