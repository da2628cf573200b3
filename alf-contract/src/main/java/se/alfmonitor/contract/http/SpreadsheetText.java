package se.alfmonitor.contract.http;

/**
 * Text for a cell of a CSV export that a spreadsheet will show as text. Spreadsheets run a cell that starts with
 * {@code = + - @}, a tab or a carriage return as a formula (OWASP "CSV injection"), and unit names, explanations and
 * comments come from outside; such text gets a leading {@code '}, which spreadsheets hide. Every CSV export of the
 * suite passes its text cells through here; numbers are written as they are, since a number cannot carry a formula.
 */
public final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /** {@code value}, prefixed with {@code '} if a spreadsheet would run it as a formula; null stays null. */
    public static String safe(String value) {
        if (value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
