package fi.tukipiiri.series;

/**
 * What a programme template's texts are for: the group's house rules, and the ready-made
 * messages its facilitators insert with one tap (welcome, check-in round, break, closing,
 * crisis).
 */
public enum GuideText {

	HOUSE_RULES, WELCOME, CHECK_IN, BREAK, CLOSING, CRISIS

}
