package fi.tukipiiri.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST error leaves as an RFC 9457 problem with a stable {@code code}. Framework
 * refusals get a code here; feature refusals carry their own ({@link ApiProblem}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final RefusalLog REFUSALS = RefusalLog.of("request");

	record FieldProblem(String field, String code, String message) {
	}

	private final ProblemMetrics metrics;

	ProblemDetailsAdvice(ProblemMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemDetailsAdvice::fieldProblem)
			.toList();
		return validationFailed(errors, ex, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), constraintCode(error),
						error.getDefaultMessage())))
			.toList();
		return validationFailed(errors, ex, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, RequestBodyTooLarge.class)) {
			refused(request, "request.too_large");
			return respond(ex, HttpStatus.CONTENT_TOO_LARGE, "request.too_large", "The request body is too large.",
					Map.of(), headers, request);
		}
		var refusal = JsonRefusal.of(ex);
		if (refusal.isPresent()) {
			refused(request, refusal.get().code() + " " + refusal.get().field());
			return validationFailed(List.of(fieldProblem(refusal.get())), ex, headers, request);
		}
		refused(request, "request.malformed");
		return respond(ex, HttpStatus.BAD_REQUEST, "request.malformed",
				"The request body is not valid JSON of the expected shape.", Map.of(), headers, request);
	}

	/**
	 * A query parameter that is not in its one accepted form ({@link StrictQueryValues})
	 * is named like a body field.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(RequestParam.class)) {
			refused(request, JsonRefusal.INVALID_VALUE + " " + mismatch.getName());
			return validationFailed(
					List.of(new FieldProblem(mismatch.getName(), JsonRefusal.INVALID_VALUE, expectedForm(mismatch))),
					ex, headers, request);
		}
		return super.handleTypeMismatch(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse errorResponse) {
			body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (body instanceof ProblemDetail problem) {
			if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
				problem.setProperty("code", frameworkCode(statusCode));
			}
			this.metrics.answered(ProblemMetrics.REST, String.valueOf(problem.getProperties().get("code")));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
		return respond(ex, HttpStatus.FORBIDDEN, "auth.forbidden", "You are not allowed to do this.", Map.of(),
				new HttpHeaders(), request);
	}

	/**
	 * Redis did not answer a call made outside {@link RedisGuard}: what needed it cannot
	 * be done now, which is not a fault to report as {@code server.error}.
	 */
	@ExceptionHandler({ RedisConnectionFailureException.class, RedisSystemException.class, RedisException.class })
	ResponseEntity<Object> redisUnavailable(Exception ex, WebRequest request) {
		OutageLog.of("Redis").unavailable("a request was answered server.unavailable", new IllegalStateException(ex));
		ServiceUnavailable unavailable = new ServiceUnavailable();
		return handleExceptionInternal(unavailable, unavailable.getBody(), unavailable.getHeaders(),
				unavailable.getStatusCode(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error", ex);
		return respond(ex, HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
				"Something went wrong on our side. Please try again.", Map.of(), new HttpHeaders(), request);
	}

	/**
	 * Bodies and parameters the web client never sends: one line each, rate-limited
	 * ({@link RefusalLog}).
	 */
	private static void refused(WebRequest request, String why) {
		String what = request instanceof ServletWebRequest servlet
				? servlet.getRequest().getMethod() + " " + RefusalLog.shape(servlet.getRequest().getRequestURI())
				: "request";
		REFUSALS.refused(what, why);
	}

	private ResponseEntity<Object> validationFailed(List<FieldProblem> errors, Exception ex, HttpHeaders headers,
			WebRequest request) {
		return respond(ex, HttpStatus.BAD_REQUEST, "validation.failed", "Some fields are not valid.",
				Map.of("errors", errors), headers, request);
	}

	private ResponseEntity<Object> respond(Exception ex, HttpStatus status, String code, String detail,
			Map<String, Object> extra, HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		extra.forEach(problem::setProperty);
		this.metrics.answered(ProblemMetrics.REST, code);
		return super.handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static FieldProblem fieldProblem(JsonRefusal refusal) {
		return new FieldProblem(refusal.field(), refusal.code(), refusal.message());
	}

	/**
	 * The rule the value broke, as {@link StrictValues} words it; never the value itself.
	 */
	private static String expectedForm(MethodArgumentTypeMismatchException mismatch) {
		for (Throwable cause = mismatch.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException refused && refused.getMessage() != null
					&& refused.getMessage().startsWith("Expected ")) {
				return refused.getMessage() + ".";
			}
		}
		return "This value has the wrong type or is not allowed.";
	}

	private static FieldProblem fieldProblem(FieldError error) {
		return new FieldProblem(error.getField(), snakeCase(Objects.requireNonNullElse(error.getCode(), "invalid")),
				error.getDefaultMessage());
	}

	/**
	 * The most general of a resolvable's codes is the bare constraint name, e.g.
	 * {@code Size}.
	 */
	private static String constraintCode(MessageSourceResolvable error) {
		String[] codes = error.getCodes();
		return codes == null || codes.length == 0 ? "invalid" : snakeCase(codes[codes.length - 1]);
	}

	static String snakeCase(String constraint) {
		return constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
	}

	private static String frameworkCode(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "request.malformed";
			case 404 -> "not_found";
			case 405 -> "request.method_not_allowed";
			case 406 -> "request.not_acceptable";
			case 413 -> "request.too_large";
			case 415 -> "request.unsupported_media_type";
			default -> status.is5xxServerError() ? "server.error" : "request.refused";
		};
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
