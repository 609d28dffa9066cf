package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import fi.tukipiiri.rooms.RoomFormat;
import fi.tukipiiri.rooms.RoomKind;

/** Templates' house rules and ready-made messages, and who accepted which house rules. */
@Repository
class GuideTexts {

	private final JdbcClient jdbc;

	GuideTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A series' template and kind. */
	record SeriesTemplate(UUID templateId, RoomKind kind) {
	}

	Optional<SeriesTemplate> templateOfSeries(UUID seriesId) {
		return jdbc.sql("select template_id, kind from series where id = :id")
			.param("id", seriesId)
			.query((rs, n) -> new SeriesTemplate(rs.getObject("template_id", UUID.class),
					RoomKind.valueOf(rs.getString("kind"))))
			.optional();
	}

	/** The session a room was opened for, if any. */
	Optional<RoomGuide.SessionClock> sessionOfRoom(UUID roomId) {
		return jdbc
			.sql("""
					select id, position, theme_fi, theme_en, state, starts_at, ends_at from series_sessions where room_id = :id
					""")
			.param("id", roomId)
			.query((rs, n) -> new RoomGuide.SessionClock(rs.getObject("id", UUID.class), rs.getInt("position"),
					new LocalizedText(rs.getString("theme_fi"), rs.getString("theme_en")),
					Series.SessionState.valueOf(rs.getString("state")), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant()))
			.optional();
	}

	/**
	 * The first template of a kind, whose texts rooms outside any series use: of the
	 * room's format when there is one (an information session's house rules say who
	 * writes), else of the kind.
	 */
	Optional<UUID> defaultTemplate(RoomKind kind, RoomFormat format) {
		return jdbc
			.sql("select id from programme_templates where kind = :kind order by (format = :format) desc, id limit 1")
			.param("kind", kind.name())
			.param("format", format.name())
			.query(UUID.class)
			.optional();
	}

	/** Every text of a template: kind → language → text, in the enum's order. */
	Map<GuideText, Map<String, String>> textsOf(UUID templateId) {
		Map<GuideText, Map<String, String>> texts = new EnumMap<>(GuideText.class);
		jdbc.sql("select kind, language, body from template_texts where template_id = :id order by kind, language")
			.param("id", templateId)
			.query((rs, n) -> texts.computeIfAbsent(GuideText.valueOf(rs.getString("kind")), k -> new LinkedHashMap<>())
				.put(rs.getString("language"), rs.getString("body")))
			.list();
		return texts;
	}

	/** Replaces the given texts of a template; a blank text removes that language. */
	void replace(UUID templateId, Map<GuideText, Map<String, String>> texts) {
		texts.forEach((kind, byLanguage) -> byLanguage.forEach((language, body) -> {
			if (body.isEmpty()) {
				jdbc.sql("delete from template_texts where template_id = :id and kind = :kind and language = :language")
					.param("id", templateId)
					.param("kind", kind.name())
					.param("language", language)
					.update();
				return;
			}
			jdbc.sql("""
					insert into template_texts (template_id, kind, language, body) values (:id, :kind, :language, :body)
					on conflict (template_id, kind, language) do update set body = excluded.body
					""")
				.param("id", templateId)
				.param("kind", kind.name())
				.param("language", language)
				.param("body", body)
				.update();
		}));
	}

	/** Of these scopes, those the person has accepted. */
	Set<String> acceptedOf(UUID accountId, Collection<String> scopes) {
		if (scopes.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(
				jdbc.sql("select scope from house_rules_acceptances where account_id = :id and scope = any(:scopes)")
					.param("id", accountId)
					.param("scopes", new SqlArrayValue("varchar", scopes.toArray()))
					.query(String.class)
					.list());
	}

	/** Which of these (person, scope) pairs are accepted, as "accountId scope". */
	Set<String> accepted(List<UUID> accountIds, List<String> scopes) {
		List<String> found = new ArrayList<>();
		jdbc.sql("""
				select a.account_id::text || ' ' || a.scope from house_rules_acceptances a
				join unnest(:ids, :scopes) as wanted (account_id, scope)
				  on wanted.account_id = a.account_id and wanted.scope = a.scope
				""")
			.param("ids", new SqlArrayValue("uuid", accountIds.toArray()))
			.param("scopes", new SqlArrayValue("varchar", scopes.toArray()))
			.query(String.class)
			.list()
			.forEach(found::add);
		return Set.copyOf(found);
	}

	void accept(UUID accountId, String scope, Instant at) {
		jdbc.sql("""
				insert into house_rules_acceptances (account_id, scope, accepted_at) values (:id, :scope, :at)
				on conflict (account_id, scope) do nothing
				""").param("id", accountId).param("scope", scope).param("at", Timestamp.from(at)).update();
	}

	/** One's acceptances, oldest first, for one's data export. */
	List<Map<String, Object>> acceptancesOf(UUID accountId) {
		return jdbc
			.sql("select scope, accepted_at from house_rules_acceptances where account_id = :id order by accepted_at")
			.param("id", accountId)
			.query((rs, n) -> Map.<String, Object>of("scope", rs.getString("scope"), "acceptedAt",
					rs.getTimestamp("accepted_at").toInstant()))
			.list();
	}

	void eraseAcceptancesOf(UUID accountId) {
		jdbc.sql("delete from house_rules_acceptances where account_id = :id").param("id", accountId).update();
	}

	/** Open-chat acceptances are for one day only; older ones are not needed. */
	int deleteDayAcceptancesBefore(Instant before) {
		return jdbc.sql("delete from house_rules_acceptances where scope like 'day:%' and accepted_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

}
