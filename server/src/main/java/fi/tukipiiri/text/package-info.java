/**
 * Text: the one policy every human-entered string passes (normalisation, white space,
 * invisible characters, combining marks, lengths in code points, look-alike names) and
 * the canonical form risk words are matched on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text")
package fi.tukipiiri.text;
