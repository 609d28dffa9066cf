package fi.tukipiiri.feedback;

/**
 * The two spellings of an outcome report's CSV. Both are UTF-8 with a byte order mark
 * (Excel reads a file without one in the computer's legacy code page, which garbles ä and
 * ö) and CRLF line ends.
 */
public enum CsvDialect {

	/**
	 * RFC 4180: comma-separated, decimal point; for programs and for Excel in English.
	 */
	RFC_4180(',', '.', "csv"),

	/**
	 * What Excel opens as columns in a Finnish locale: semicolon-separated, decimal
	 * comma.
	 */
	EXCEL_FI(';', ',', "excel-fi");

	private final char separator;

	private final char decimalSeparator;

	private final String parameter;

	CsvDialect(char separator, char decimalSeparator, String parameter) {
		this.separator = separator;
		this.decimalSeparator = decimalSeparator;
		this.parameter = parameter;
	}

	char separator() {
		return separator;
	}

	char decimalSeparator() {
		return decimalSeparator;
	}

	/** The dialect's name in {@code ?format=}: {@code csv} or {@code excel-fi}. */
	public String parameter() {
		return parameter;
	}

	/** The dialect named {@code parameter}; {@code csv} when none is named. */
	public static CsvDialect of(String parameter) {
		for (CsvDialect dialect : values()) {
			if (dialect.parameter.equals(parameter)) {
				return dialect;
			}
		}
		if (parameter == null) {
			return RFC_4180;
		}
		throw new IllegalArgumentException("No CSV dialect " + parameter);
	}

}
