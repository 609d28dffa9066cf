package fi.tukipiiri.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The interface's language files ({@code i18n/<code>.json}, the web client's own, shipped
 * in its jar), read once: e-mails and push messages use the same texts as the screens, so
 * a language is still one file. Texts use {@code {name}} placeholders, as in the client.
 */
@Component
public class LanguageFiles {

	/** The complete language every other falls back to. */
	public static final String DEFAULT = "fi";

	private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
	};

	private final Map<String, Map<String, String>> languages;

	LanguageFiles(JsonMapper json) {
		this.languages = load(json);
		if (!languages.containsKey(DEFAULT)) {
			throw new IllegalStateException("No language file i18n/" + DEFAULT + ".json on the class path");
		}
	}

	/** The codes of every language file, e.g. {@code fi}, {@code sv}, {@code en}. */
	public Set<String> codes() {
		return languages.keySet();
	}

	/** Every text of one language, by key; empty for a code without a file. */
	Map<String, String> texts(String language) {
		return languages.getOrDefault(language, Map.of());
	}

	/**
	 * The text of {@code key} in {@code language}, else in Finnish, with {@code {name}}
	 * placeholders filled from {@code params} (unknown ones stay as they are).
	 * @throws IllegalArgumentException if not even Finnish has the key
	 */
	public String text(String language, String key, Map<String, String> params) {
		String template = languages.getOrDefault(language, Map.of()).get(key);
		if (template == null) {
			template = languages.get(DEFAULT).get(key);
		}
		if (template == null) {
			throw new IllegalArgumentException("No text " + key);
		}
		StringBuilder out = new StringBuilder(template.length() + 32);
		int at = 0;
		while (at < template.length()) {
			int open = template.indexOf('{', at);
			int close = open < 0 ? -1 : template.indexOf('}', open);
			if (close < 0) {
				out.append(template, at, template.length());
				break;
			}
			String name = template.substring(open + 1, close);
			String value = name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? params.get(name)
					: null;
			out.append(template, at, open).append(value != null ? value : template.substring(open, close + 1));
			at = close + 1;
		}
		return out.toString();
	}

	private static Map<String, Map<String, String>> load(JsonMapper json) {
		try {
			Map<String, Map<String, String>> loaded = new TreeMap<>();
			for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.json")) {
				String name = file.getFilename();
				try (InputStream in = file.getInputStream()) {
					loaded.put(name.substring(0, name.length() - ".json".length()),
							new LinkedHashMap<>(json.readValue(in, TEXTS)));
				}
			}
			return Map.copyOf(loaded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the language files", ex);
		}
	}

}
