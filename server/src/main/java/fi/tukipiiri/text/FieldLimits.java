package fi.tukipiiri.text;

import java.util.List;
import java.util.Map;

/**
 * Implemented by each feature that takes text from people: the fields it has and their
 * limits.
 */
public interface FieldLimits {

	/**
	 * The feature's text fields, each under the name clients know it by; read by
	 * {@code GET /api/limits}.
	 */
	List<FieldLimit> fieldLimits();

	/**
	 * Other numbers clients keep to, by the name clients know them by (e.g.
	 * {@code historyPage}: the most messages one page of history holds); read by
	 * {@code GET /api/limits} as {@code counts}. None unless a feature has some.
	 */
	default Map<String, Integer> counts() {
		return Map.of();
	}

}
