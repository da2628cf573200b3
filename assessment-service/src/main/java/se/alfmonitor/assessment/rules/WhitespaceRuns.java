package se.alfmonitor.assessment.rules;

/**
 * Free text on one line: each run of white space (and, where asked, control and format characters) becomes one
 * space. Written out rather than as a regular expression, as every example text of every unit passes through here at
 * each re-assessment, and a shortened quote needs only the start of a text.
 */
public final class WhitespaceRuns {

    private WhitespaceRuns() {
    }

    /**
     * What {@code text.replaceAll("[\\s\\p{Z}]+", " ")} gives, cut short after {@code limit} characters: the
     * result is whole when it has at most {@code limit} characters, otherwise a start of it longer than
     * {@code limit}.
     */
    public static String collapse(String text, int limit) {
        return collapse(text, limit, false);
    }

    /** What {@code text.replaceAll("[\\s\\p{Z}\\p{Cc}\\p{Cf}]+", " ")} gives. */
    public static String collapseWithControls(String text) {
        return collapse(text, Integer.MAX_VALUE - 1, true);
    }

    private static String collapse(String text, int limit, boolean controls) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit + 1));
        boolean inRun = false;
        for (int i = 0; i < text.length() && out.length() <= limit;) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isRun(c, controls)) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.appendCodePoint(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    private static boolean isRun(int c, boolean controls) {
        if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || controls && (type == Character.CONTROL || type == Character.FORMAT);
    }
}
