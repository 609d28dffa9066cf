package fi.tukipiiri;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The README's configuration table names every setting the service reads, each as its
 * environment variable and its Spring property, with the default the code gives it: a
 * setting cannot be added (to a {@code @ConfigurationProperties} record or as a
 * {@code ${…}} placeholder) without its row, and a row's environment variable really sets
 * its property.
 */
class ReadmeConfigurationTest {

	private static final Path README = Path.of("..", "README.md");

	private static final Path SOURCES = Path.of("src", "main", "java");

	/** {@code ${tukipiiri.series.lifecycle-tick:15s}} in the sources. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(tukipiiri\\.[a-z0-9.-]+)(?::([^}]*))?}");

	/**
	 * {@code environment.getProperty("tukipiiri.embedded.enabled", …)} in the sources.
	 */
	private static final Pattern READ_PROPERTY = Pattern.compile("getProperty\\(\"(tukipiiri\\.[a-z0-9.-]+)\"");

	/**
	 * One row: its environment variable ({@code null} for "–"), Spring property and
	 * default cell.
	 */
	record Row(String variable, String property, String defaultCell) {
	}

	/**
	 * A setting the code reads, with the default it gives (null when it has none of one
	 * value).
	 */
	record Setting(String property, String defaultValue) {
	}

	@Test
	void everySettingHasARowWithItsDefault() throws Exception {
		Map<String, Row> rows = rows();
		List<Setting> settings = new ArrayList<>(propertiesOfRecords());
		settings.addAll(placeholders());
		assertThat(settings).as("the scan finds the settings; if not, it no longer reads the code right")
			.hasSizeGreaterThan(40)
			.extracting(Setting::property)
			.contains("tukipiiri.auth.access-token-lifetime", "tukipiiri.auth.login.window",
					"tukipiiri.moderation.risk-terms", "tukipiiri.retention.job.check", "tukipiiri.embedded.enabled",
					"tukipiiri.series.lifecycle-tick");
		assertThat(settings).as("defaults are read")
			.contains(new Setting("tukipiiri.moderation.connection-ttl", "90s"),
					new Setting("tukipiiri.moderation.help-card-categories", "self-harm,violence"));
		for (Setting setting : settings) {
			Row row = rows.get(setting.property());
			assertThat(row).as("README row for %s", setting.property()).isNotNull();
			if (setting.defaultValue() != null) {
				assertThat(row.defaultCell()).as("default of %s", setting.property())
					.isEqualTo("`" + setting.defaultValue() + "`");
			}
		}
	}

	@Test
	void eachRowsVariableSetsItsProperty() throws Exception {
		Map<String, Row> rows = rows();
		assertThat(rows).hasSizeGreaterThan(40);
		Map<String, Object> placedInYaml = applicationYaml();
		for (Row row : rows.values()) {
			if (row.variable() == null) {
				continue;
			}
			Object fromYaml = placedInYaml.get(row.property());
			if (fromYaml != null && fromYaml.toString().startsWith("${" + row.variable())) {
				continue;
			}
			var environment = new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(row.variable(), "x"));
			var bound = ConfigurationPropertySource.from(environment)
				.getConfigurationProperty(ConfigurationPropertyName.of(row.property()));
			assertThat(bound).as("%s sets %s", row.variable(), row.property()).isNotNull();
		}
	}

	/**
	 * Property → row, from the table under "## Configuration":
	 * {@code | `VARIABLE` | `property` | default | meaning |}; a map or list set in a
	 * configuration file is one row,
	 * {@code `tukipiiri.moderation.risk-terms.<category>…`}.
	 */
	static Map<String, Row> rows() throws IOException {
		List<String> lines = Files.readString(README).lines().toList();
		int start = lines.indexOf("## Configuration");
		assertThat(start).isNotNegative();
		Map<String, Row> rows = new LinkedHashMap<>();
		Pattern variable = Pattern.compile("^`([A-Z0-9_]+)`$");
		Pattern property = Pattern.compile("^`([a-z0-9.-]+(?:\\.<[^`]*)?)`$");
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("#")) {
				break;
			}
			String[] cells = line.split("(?<!\\\\)\\|");
			if (!line.startsWith("|") || cells.length < 4) {
				continue;
			}
			Matcher named = property.matcher(cells[2].trim());
			if (!named.matches()) {
				continue;
			}
			Matcher set = variable.matcher(cells[1].trim());
			String name = named.group(1).replaceAll("\\.<.*$", "");
			assertThat(rows).as("one row for %s", name).doesNotContainKey(name);
			rows.put(name, new Row(set.matches() ? set.group(1) : null, name, cells[3].trim()));
		}
		return rows;
	}

	/**
	 * Every component of every {@code @ConfigurationProperties} record in the
	 * application, nested records unfolded.
	 */
	static List<Setting> propertiesOfRecords() throws ClassNotFoundException, NoSuchMethodException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		List<Setting> settings = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(TukipiiriApplication.class.getPackageName())) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(),
					ReadmeConfigurationTest.class.getClassLoader());
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			assertThat(type.isRecord()).as("%s is a record", type).isTrue();
			addComponents(settings, prefix, type);
		}
		assertThat(settings).as("@ConfigurationProperties records found").isNotEmpty();
		return settings;
	}

	private static void addComponents(List<Setting> settings, String prefix, Class<?> type)
			throws NoSuchMethodException {
		RecordComponent[] components = type.getRecordComponents();
		// a default is written on the record component and kept on the canonical
		// constructor's parameter
		Parameter[] parameters = type
			.getDeclaredConstructor(Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
			.getParameters();
		for (int i = 0; i < components.length; i++) {
			String property = prefix + "." + kebab(components[i].getName());
			Class<?> valueType = components[i].getType();
			if (valueType.isRecord() && valueType.getDeclaringClass() == type) {
				addComponents(settings, property, valueType);
				continue;
			}
			DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
			String single = defaultValue != null && defaultValue.value().length == 1 ? defaultValue.value()[0] : null;
			if (defaultValue != null && defaultValue.value().length > 1) {
				single = String.join(",", defaultValue.value());
			}
			settings.add(new Setting(property, single));
		}
	}

	/**
	 * Settings the code reads by name: {@code ${…}} placeholders (with their defaults)
	 * and {@code getProperty("…")}.
	 */
	static List<Setting> placeholders() throws IOException {
		List<Setting> settings = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(SOURCES)) {
			for (Path path : paths.filter(file -> file.toString().endsWith(".java")).toList()) {
				String source = Files.readString(path);
				Matcher placeholder = PLACEHOLDER.matcher(source);
				while (placeholder.find()) {
					settings.add(new Setting(placeholder.group(1), placeholder.group(2)));
				}
				Matcher read = READ_PROPERTY.matcher(source);
				while (read.find()) {
					settings.add(new Setting(read.group(1), null));
				}
			}
		}
		return settings;
	}

	/** The flattened {@code application.yml}: property → its value as written there. */
	private static Map<String, Object> applicationYaml() throws IOException {
		Map<String, Object> values = new LinkedHashMap<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
				new ClassPathResource("application.yml"))) {
			if (source.getSource() instanceof Map<?, ?> map) {
				map.forEach((key, value) -> values.put(key.toString(), value));
			}
		}
		assertThat(values).isNotEmpty();
		return values;
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

}
