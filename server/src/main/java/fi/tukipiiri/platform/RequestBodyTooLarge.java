package fi.tukipiiri.platform;

import java.io.IOException;

/** Thrown while reading a body that streams past the configured size limit. */
class RequestBodyTooLarge extends IOException {

	RequestBodyTooLarge(long limit) {
		super("Request body exceeds " + limit + " bytes");
	}

}
