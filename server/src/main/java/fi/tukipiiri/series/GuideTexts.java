package fi.tukipiiri.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
					select id, position, theme_fi, theme_sv, theme_en, state, starts_at, ends_at from series_sessions where room_id = :id
					""")
			.param("id", roomId)
			.query((rs, n) -> new RoomGuide.SessionClock(rs.getObject("id", UUID.class), rs.getInt("position"),
					new LocalizedText(rs.getString("theme_fi"), rs.getString("theme_sv"), rs.getString("theme_en")),
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

	/**
	 * The version of the scope's rules the person accepted last, if any; "" for an
	 * acceptance whose version could not be told.
	 */
	Optional<String> acceptedVersion(UUID accountId, String scope) {
		return jdbc
			.sql("""
					select coalesce(rules_version, '') from house_rules_acceptances where account_id = :id and scope = :scope
					""")
			.param("id", accountId)
			.param("scope", scope)
			.query(String.class)
			.optional();
	}

	/**
	 * Which of these (person, scope, version) triples are accepted, as "accountId scope".
	 */
	Set<String> accepted(List<UUID> accountIds, List<String> scopes, List<String> versions) {
		List<String> found = new ArrayList<>();
		jdbc.sql("""
				select a.account_id::text || ' ' || a.scope from house_rules_acceptances a
				join unnest(:ids, :scopes, :versions) as wanted (account_id, scope, version)
				  on wanted.account_id = a.account_id and wanted.scope = a.scope and wanted.version = a.rules_version
				""")
			.param("ids", new SqlArrayValue("uuid", accountIds.toArray()))
			.param("scopes", new SqlArrayValue("varchar", scopes.toArray()))
			.param("versions", new SqlArrayValue("varchar", versions.toArray()))
			.query(String.class)
			.list()
			.forEach(found::add);
		return Set.copyOf(found);
	}

	/**
	 * Records that the person accepted this version of the scope's rules; the same
	 * version again changes nothing, a new one replaces the old acceptance.
	 */
	void accept(UUID accountId, String scope, String version, Instant at) {
		jdbc.sql("""
				insert into house_rules_acceptances (account_id, scope, accepted_at, rules_version)
				values (:id, :scope, :at, :version)
				on conflict (account_id, scope) do update
				set accepted_at = excluded.accepted_at, rules_version = excluded.rules_version
				where house_rules_acceptances.rules_version is distinct from excluded.rules_version
				""")
			.param("id", accountId)
			.param("scope", scope)
			.param("at", Timestamp.from(at))
			.param("version", version)
			.update();
	}

	/**
	 * One acceptance, as the person's data export shows it.
	 *
	 * @param rulesVersion the version of the rules accepted; null when it could not be
	 * told (accepted before versions were kept, of rules that were gone by then)
	 */
	record Accepted(String scope, Instant acceptedAt, String rulesVersion) {
	}

	/** One's acceptances, oldest first, for one's data export. */
	List<Accepted> acceptancesOf(UUID accountId) {
		return jdbc.sql("""
				select scope, accepted_at, rules_version from house_rules_acceptances
				where account_id = :id order by accepted_at
				""")
			.param("id", accountId)
			.query((rs, n) -> new Accepted(rs.getString("scope"), rs.getTimestamp("accepted_at").toInstant(),
					rs.getString("rules_version")))
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
