package fi.tukipiiri.text;

import java.util.List;

/** Implemented by each feature that takes text from people: the fields it has and their limits. */
public interface FieldLimits {

	List<FieldLimit> fieldLimits();
}
