package fi.tukipiiri.series;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;

/** Programme templates and their session themes. */
@Repository
class Templates {

	private final JdbcClient jdbc;

	Templates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ProgrammeTemplate> all() {
		Map<UUID, List<ProgrammeTemplate.Theme>> themes = new LinkedHashMap<>();
		jdbc.sql("select * from template_sessions order by template_id, position").query(rs -> {
			themes.computeIfAbsent(rs.getObject("template_id", UUID.class), id -> new ArrayList<>()).add(theme(rs));
		});
		return jdbc.sql("select * from programme_templates order by title_fi")
			.query((rs, n) -> template(rs, themes.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list();
	}

	Optional<ProgrammeTemplate> find(UUID id) {
		List<ProgrammeTemplate.Theme> themes = jdbc
			.sql("select * from template_sessions where template_id = :id order by position")
			.param("id", id)
			.query((rs, n) -> theme(rs))
			.list();
		return jdbc.sql("select * from programme_templates where id = :id")
			.param("id", id)
			.query((rs, n) -> template(rs, themes))
			.optional();
	}

	/**
	 * Locks the template row for the rest of the transaction and tells its version; empty
	 * if there is none.
	 */
	Optional<Integer> lockVersion(UUID id) {
		return jdbc.sql("select version from programme_templates where id = :id for update")
			.param("id", id)
			.query(Integer.class)
			.optional();
	}

	/**
	 * Rewrites the template's texts and replaces its themes by the edit's, numbered in
	 * their new order.
	 */
	void update(UUID id, TemplateEdit edit, int version, UUID editor, Instant at) {
		jdbc.sql(
				"""
						update programme_templates set title_fi = :titleFi, title_sv = :titleSv, title_en = :titleEn,
						  description_fi = :descriptionFi, description_sv = :descriptionSv, description_en = :descriptionEn, default_length_minutes = :length, version = :version, updated_at = :at,
						  updated_by = :editor
						where id = :id
						""")
			.param("titleFi", edit.title().fi())
			.param("titleSv", edit.title().sv())
			.param("titleEn", edit.title().en())
			.param("descriptionFi", edit.description().fi())
			.param("descriptionSv", edit.description().sv())
			.param("descriptionEn", edit.description().en())
			.param("length", edit.defaultLengthMinutes())
			.param("version", version)
			.param("at", Timestamp.from(at))
			.param("editor", editor)
			.param("id", id)
			.update();
		jdbc.sql("delete from template_sessions where template_id = :id").param("id", id).update();
		for (int i = 0; i < edit.sessions().size(); i++) {
			TemplateEdit.ThemeText theme = edit.sessions().get(i);
			jdbc.sql("""
					insert into template_sessions (template_id, position, title_fi, title_sv, title_en, description_fi,
					  description_sv, description_en)
					values (:id, :position, :titleFi, :titleSv, :titleEn, :descriptionFi, :descriptionSv,
					  :descriptionEn)
					""")
				.param("id", id)
				.param("position", i + 1)
				.param("titleFi", theme.title().fi())
				.param("titleSv", theme.title().sv())
				.param("titleEn", theme.title().en())
				.param("descriptionFi", theme.description().fi())
				.param("descriptionSv", theme.description().sv())
				.param("descriptionEn", theme.description().en())
				.update();
		}
	}

	private static ProgrammeTemplate template(ResultSet rs, List<ProgrammeTemplate.Theme> themes) throws SQLException {
		return new ProgrammeTemplate(rs.getObject("id", UUID.class), rs.getString("code"),
				RoomKind.valueOf(rs.getString("kind")), rs.getInt("default_length_minutes"),
				new LocalizedText(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en")),
				new LocalizedText(rs.getString("description_fi"), rs.getString("description_sv"),
						rs.getString("description_en")),
				themes, rs.getInt("version"), RoomFormat.valueOf(rs.getString("format")));
	}

	private static ProgrammeTemplate.Theme theme(ResultSet rs) throws SQLException {
		return new ProgrammeTemplate.Theme(rs.getInt("position"),
				new LocalizedText(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en")),
				new LocalizedText(rs.getString("description_fi"), rs.getString("description_sv"),
						rs.getString("description_en")));
	}

}
