package fi.tukipiiri.text;

import java.util.List;

/** Implemented by each feature that takes text from people: the fields it has and their limits. */
public interface FieldLimits {

	/** The feature's text fields, each under the name clients know it by; read by {@code GET /api/limits}. */
	List<FieldLimit> fieldLimits();
}
