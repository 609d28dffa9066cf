package fi.tukipiiri.text;

import java.util.ArrayList;
import java.util.List;

import fi.tukipiiri.platform.InvalidFields;

/**
 * The text fields of one request, checked one after another and refused together: one
 * {@code 400 validation.failed} names every field that is wrong, as request validation
 * does. Not thread-safe; one per request.
 */
public final class TextFields {

	private final List<InvalidFields.Field> refused = new ArrayList<>();

	/**
	 * The canonical text of the field at {@code path} (as the client sent it, e.g.
	 * {@code sessions[0].title.fi}), or {@code null} if it was refused; the refusal is
	 * kept for {@link #throwIfRefused()}.
	 */
	public String check(String path, FieldLimit limit, String raw) {
		TextCheck check = limit.check(raw);
		if (check instanceof TextCheck.Refused refusal) {
			refuse(path, refusal.code(), refusal.message());
			return null;
		}
		return ((TextCheck.Accepted) check).text();
	}

	/**
	 * Records a refusal found by a rule of the caller's own (a username's pattern, a name
	 * taken by staff).
	 */
	public void refuse(String path, String code, String message) {
		refused.add(new InvalidFields.Field(path, code, message));
	}

	/**
	 * @throws InvalidFields naming every refused field, if there is any
	 */
	public void throwIfRefused() {
		if (!refused.isEmpty()) {
			throw new InvalidFields(refused);
		}
	}

}
