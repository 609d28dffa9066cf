package fi.tukipiiri.series;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The material and exercise of each session of each template, by session place. */
@Repository
class Materials {

	/** Which of a session's two texts a row holds. */
	enum Part {

		MATERIAL, EXERCISE

	}

	/** One stored text. */
	record Row(int position, Part part, String language, String body) {
	}

	private final JdbcClient jdbc;

	Materials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every stored text of a template. */
	List<Row> rowsOf(UUID templateId) {
		return jdbc.sql("""
				select position, kind, language, body from template_materials where template_id = :id
				order by position, kind, language
				""")
			.param("id", templateId)
			.query((rs, n) -> new Row(rs.getInt("position"), Part.valueOf(rs.getString("kind")),
					rs.getString("language"), rs.getString("body")))
			.list();
	}

	/** Position → that session's material, for the positions that have any. */
	Map<Integer, SessionMaterial> ofTemplate(UUID templateId) {
		Map<Integer, Map<Part, Map<String, String>>> found = new TreeMap<>();
		for (Row row : rowsOf(templateId)) {
			found.computeIfAbsent(row.position(), p -> new LinkedHashMap<>())
				.computeIfAbsent(row.part(), p -> new LinkedHashMap<>())
				.put(row.language(), row.body());
		}
		Map<Integer, SessionMaterial> materials = new TreeMap<>();
		found.forEach((position, parts) -> materials.put(position, new SessionMaterial(position,
				parts.getOrDefault(Part.MATERIAL, Map.of()), parts.getOrDefault(Part.EXERCISE, Map.of()))));
		return materials;
	}

	SessionMaterial of(UUID templateId, int position) {
		Map<Part, Map<String, String>> parts = new LinkedHashMap<>();
		jdbc.sql("""
				select kind, language, body from template_materials where template_id = :id and position = :position
				order by kind, language
				""")
			.param("id", templateId)
			.param("position", position)
			.query((rs, n) -> parts.computeIfAbsent(Part.valueOf(rs.getString("kind")), p -> new LinkedHashMap<>())
				.put(rs.getString("language"), rs.getString("body")))
			.list();
		return new SessionMaterial(position, parts.getOrDefault(Part.MATERIAL, Map.of()),
				parts.getOrDefault(Part.EXERCISE, Map.of()));
	}

	/** The template a series was planned from. */
	Optional<UUID> templateOfSeries(UUID seriesId) {
		return jdbc.sql("select template_id from series where id = :id")
			.param("id", seriesId)
			.query(UUID.class)
			.optional();
	}

	/** Replaces the given texts of one session; an empty text removes that language. */
	void replace(UUID templateId, int position, Part part, Map<String, String> texts) {
		texts.forEach((language, body) -> {
			if (body.isEmpty()) {
				jdbc.sql("""
						delete from template_materials
						where template_id = :id and position = :position and kind = :kind and language = :language
						""")
					.param("id", templateId)
					.param("position", position)
					.param("kind", part.name())
					.param("language", language)
					.update();
				return;
			}
			jdbc.sql("""
					insert into template_materials (template_id, position, kind, language, body)
					values (:id, :position, :kind, :language, :body)
					on conflict (template_id, position, kind, language) do update set body = excluded.body
					""")
				.param("id", templateId)
				.param("position", position)
				.param("kind", part.name())
				.param("language", language)
				.param("body", body)
				.update();
		});
	}

	/**
	 * After the template's themes were rewritten: the material of each new place is the
	 * material of the place its theme came from ({@code from.get(i)} for place
	 * {@code i + 1}; null for a new theme, which has none). With no {@code from} at all,
	 * each place keeps its own and places past the last theme lose theirs.
	 */
	void follow(UUID templateId, List<Integer> from) {
		if (from.stream().allMatch(java.util.Objects::isNull)) {
			jdbc.sql("delete from template_materials where template_id = :id and position > :count")
				.param("id", templateId)
				.param("count", from.size())
				.update();
			return;
		}
		List<Row> before = rowsOf(templateId);
		jdbc.sql("delete from template_materials where template_id = :id").param("id", templateId).update();
		List<Row> after = new ArrayList<>();
		for (int i = 0; i < from.size(); i++) {
			Integer source = from.get(i);
			if (source == null) {
				continue;
			}
			int position = i + 1;
			before.stream()
				.filter(row -> row.position() == source)
				.forEach(row -> after.add(new Row(position, row.part(), row.language(), row.body())));
		}
		for (Row row : after) {
			replace(templateId, row.position(), row.part(), Map.of(row.language(), row.body()));
		}
	}

}
