package se.alfmonitor.reporting.domain;

/** The four areas the 27 minimum levels are grouped in, as the published report names them. */
public enum Area {
    GENERAL("Allmänt", "General"),
    RESEARCH("Forskning", "Research"),
    EDUCATION("Utbildning", "Education"),
    DEVELOPMENT("Utveckling", "Development");

    private final String labelSv;
    private final String labelEn;

    Area(String labelSv, String labelEn) {
        this.labelSv = labelSv;
        this.labelEn = labelEn;
    }

    public String labelSv() {
        return labelSv;
    }

    public String labelEn() {
        return labelEn;
    }

    /** "Forskning / Research", or the code itself when it is not one of the four. */
    public static String label(String code) {
        for (Area a : values()) {
            if (a.name().equals(code)) {
                return a.labelSv + " / " + a.labelEn;
            }
        }
        return code;
    }
}
