package fi.tukipiiri.series;

import java.util.Map;

/**
 * What one session of a programme template carries besides its theme: its material, a few
 * paragraphs to read, and an exercise, the prompt a participant answers in their own
 * workbook. Each is language code ({@code fi}, {@code sv}, {@code en}) → text, without
 * the languages it has no text in; a session without material or exercise has empty maps.
 *
 * @param position the session's place in the template, from 1
 */
public record SessionMaterial(int position, Map<String, String> material, Map<String, String> exercise) {

	public SessionMaterial {
		material = Map.copyOf(material);
		exercise = Map.copyOf(exercise);
	}

	/** Whether the session has neither material nor an exercise. */
	public boolean isEmpty() {
		return material.isEmpty() && exercise.isEmpty();
	}

}
