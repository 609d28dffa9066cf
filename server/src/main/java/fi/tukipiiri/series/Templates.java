package fi.tukipiiri.series;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
		List<ProgrammeTemplate.Theme> themes = jdbc.sql("select * from template_sessions where template_id = :id order by position")
				.param("id", id).query((rs, n) -> theme(rs)).list();
		return jdbc.sql("select * from programme_templates where id = :id").param("id", id)
				.query((rs, n) -> template(rs, themes)).optional();
	}

	private static ProgrammeTemplate template(ResultSet rs, List<ProgrammeTemplate.Theme> themes) throws SQLException {
		return new ProgrammeTemplate(rs.getObject("id", UUID.class), rs.getString("code"), RoomKind.valueOf(rs.getString("kind")),
				rs.getInt("default_length_minutes"), new LocalizedText(rs.getString("title_fi"), rs.getString("title_en")),
				new LocalizedText(rs.getString("description_fi"), rs.getString("description_en")), themes);
	}

	private static ProgrammeTemplate.Theme theme(ResultSet rs) throws SQLException {
		return new ProgrammeTemplate.Theme(rs.getInt("position"), new LocalizedText(rs.getString("title_fi"), rs.getString("title_en")),
				new LocalizedText(rs.getString("description_fi"), rs.getString("description_en")));
	}
}
