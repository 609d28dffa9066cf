package fi.tukipiiri.series;

import org.springframework.http.HttpStatus;

import fi.tukipiiri.platform.ApiProblem;

/** The refusals of series planning, each a named fact with its stable code. */
public final class SeriesProblems {

	private SeriesProblems() {
	}

	public static final class SeriesNotFound extends ApiProblem {

		SeriesNotFound() {
			super(HttpStatus.NOT_FOUND, "series.not_found", "No such series.");
		}

	}

	/** A named facilitator or peer supporter does not hold that role in the service. */
	public static final class InvalidStaff extends ApiProblem {

		InvalidStaff(String detail) {
			super(HttpStatus.CONFLICT, "series.invalid_staff", detail);
		}

	}

	public static final class InvalidPlan extends ApiProblem {

		InvalidPlan(String code, String detail) {
			super(HttpStatus.BAD_REQUEST, code, detail);
		}

	}

	/** The series was cancelled or has ended, so its plan no longer changes. */
	public static final class NotChangeable extends ApiProblem {

		NotChangeable() {
			super(HttpStatus.CONFLICT, "series.not_changeable", "This series has ended or was cancelled.");
		}

	}

}
