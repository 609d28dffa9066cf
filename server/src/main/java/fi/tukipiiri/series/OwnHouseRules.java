package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A series' or a room's own house rules, in place of its template's: language code →
 * text, with who last saved them and when.
 */
@Repository
class OwnHouseRules {

	/**
	 * @param updatedBy null once that account is erased
	 * @param updatedByName likewise
	 */
	record Stored(Map<String, String> rules, Instant updatedAt, UUID updatedBy, String updatedByName) {
	}

	private final JdbcClient jdbc;

	OwnHouseRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(String language, String body, Instant updatedAt, UUID updatedBy, String updatedByName) {
	}

	Optional<Stored> of(HouseRulesService.Owner owner, UUID id) {
		List<Row> rows = jdbc.sql("""
				select h.language, h.body, h.updated_at, h.updated_by, a.display_name
				from house_rules h left join accounts a on a.id = h.updated_by
				where h.%s = :id order by h.language
				""".formatted(column(owner)))
			.param("id", id)
			.query((rs, n) -> new Row(rs.getString("language"), rs.getString("body"),
					rs.getTimestamp("updated_at").toInstant(), rs.getObject("updated_by", UUID.class),
					rs.getString("display_name")))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> rules = new LinkedHashMap<>();
		rows.forEach(row -> rules.put(row.language(), row.body()));
		Row first = rows.get(0);
		return Optional.of(new Stored(rules, first.updatedAt(), first.updatedBy(), first.updatedByName()));
	}

	/** Replaces the owner's rules with these, every language at once. */
	void replace(HouseRulesService.Owner owner, UUID id, Map<String, String> rules, UUID by, Instant at) {
		delete(owner, id);
		rules.forEach((language, body) -> jdbc.sql("""
				insert into house_rules (%s, language, body, updated_by, updated_at)
				values (:id, :language, :body, :by, :at)
				""".formatted(column(owner)))
			.param("id", id)
			.param("language", language)
			.param("body", body)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update());
	}

	/** Whether there were any to delete. */
	boolean delete(HouseRulesService.Owner owner, UUID id) {
		return jdbc.sql("delete from house_rules where %s = :id".formatted(column(owner))).param("id", id).update() > 0;
	}

	private static String column(HouseRulesService.Owner owner) {
		return owner == HouseRulesService.Owner.SERIES ? "series_id" : "room_id";
	}

}
