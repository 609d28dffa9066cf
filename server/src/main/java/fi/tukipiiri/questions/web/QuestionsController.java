package fi.tukipiiri.questions.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fi.tukipiiri.questions.OwnQuestion;
import fi.tukipiiri.questions.Question;
import fi.tukipiiri.questions.QuestionService;

/**
 * {@code /api/rooms/{roomId}/questions}: asking an information session's staff, and the
 * staff's queue; who may do what is decided by {@link QuestionService}. Changes are heard
 * live on the room's question topic (staff) and one's own question queue (the asker).
 */
@RestController
@RequestMapping("/api/rooms/{roomId}/questions")
class QuestionsController {

	private final QuestionService questions;

	QuestionsController(QuestionService questions) {
		this.questions = questions;
	}

	/** Both fields are checked by the question service. */
	record Ask(String clientId, String body) {
	}

	/** {@code answer} left out or null: answered aloud in the stream. */
	record Answer(String answer) {
	}

	/**
	 * 201 when asked now, 200 for a client id sent before (the question as asked then).
	 */
	@PostMapping
	ResponseEntity<OwnQuestion> ask(@PathVariable UUID roomId, @RequestBody Ask ask, Authentication caller) {
		QuestionService.Asked asked = questions.ask(roomId, id(caller), ask.clientId(), ask.body());
		return ResponseEntity.status(asked.now() ? HttpStatus.CREATED : HttpStatus.OK).body(asked.question());
	}

	@GetMapping("/mine")
	List<OwnQuestion> mine(@PathVariable UUID roomId, Authentication caller) {
		return questions.mine(roomId, id(caller));
	}

	@DeleteMapping("/{questionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable UUID roomId, @PathVariable UUID questionId, Authentication caller) {
		questions.withdraw(roomId, id(caller), questionId);
	}

	@GetMapping
	List<Question> queue(@PathVariable UUID roomId, Authentication caller) {
		return questions.queue(roomId, id(caller));
	}

	@PostMapping("/{questionId}/publish")
	Question publish(@PathVariable UUID roomId, @PathVariable UUID questionId, Authentication caller) {
		return questions.publish(roomId, id(caller), questionId);
	}

	@PostMapping("/{questionId}/answer")
	Question answer(@PathVariable UUID roomId, @PathVariable UUID questionId,
			@RequestBody(required = false) Answer answer, Authentication caller) {
		return questions.answer(roomId, id(caller), questionId, answer == null ? null : answer.answer());
	}

	@PostMapping("/{questionId}/set-aside")
	Question setAside(@PathVariable UUID roomId, @PathVariable UUID questionId, Authentication caller) {
		return questions.setAside(roomId, id(caller), questionId);
	}

	private static UUID id(Authentication caller) {
		return UUID.fromString(caller.getName());
	}

}
