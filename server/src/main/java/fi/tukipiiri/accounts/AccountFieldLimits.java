package fi.tukipiiri.accounts;

import java.util.List;

import org.springframework.stereotype.Component;

import fi.tukipiiri.text.FieldLimit;
import fi.tukipiiri.text.FieldLimits;

@Component
class AccountFieldLimits implements FieldLimits {

	@Override
	public List<FieldLimit> fieldLimits() {
		return List.of(Credentials.USERNAME, Credentials.PASSWORD, Credentials.DISPLAY_NAME, Credentials.NICKNAME);
	}

}
