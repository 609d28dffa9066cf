package fi.tukipiiri.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds a text anywhere in the database, to show that personal data is gone (or kept)
 * wherever a feature may have stored it.
 */
public final class SchemaRows {

	private SchemaRows() {
	}

	/**
	 * "table: row" for every row of every table in the schema (Liquibase's own left out)
	 * whose text holds {@code needle}.
	 */
	public static List<String> holding(JdbcClient jdbc, String needle) {
		List<String> tables = jdbc
			.sql("""
					select table_name from information_schema.tables
					where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'databasechangelog%'
					""")
			.query(String.class)
			.list();
		List<String> found = new ArrayList<>();
		for (String table : tables) {
			jdbc.sql("select t::text from \"" + table + "\" t where strpos(t::text, :needle) > 0")
				.param("needle", needle)
				.query(String.class)
				.list()
				.forEach(row -> found.add(table + ": " + row));
		}
		return found;
	}

}
