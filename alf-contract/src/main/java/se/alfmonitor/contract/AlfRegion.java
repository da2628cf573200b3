package se.alfmonitor.contract;

import java.util.Arrays;
import java.util.Optional;

/** The seven regions with a university hospital under the ALF agreement, by county code. */
public enum AlfRegion {
    STOCKHOLM("01", "Region Stockholm", "Stockholm", "AB", "Karolinska Institutet"),
    UPPSALA("03", "Region Uppsala", "Uppsala", "C", "Uppsala universitet"),
    OSTERGOTLAND("05", "Region Östergötland", "Östergötland", "E", "Linköpings universitet"),
    SKANE("12", "Region Skåne", "Skåne", "M", "Lunds universitet"),
    VASTRA_GOTALAND("14", "Västra Götalandsregionen", "Västra Götaland", "O", "Göteborgs universitet"),
    OREBRO("18", "Region Örebro län", "Örebro", "T", "Örebro universitet"),
    VASTERBOTTEN("24", "Region Västerbotten", "Västerbotten", "AC", "Umeå universitet");

    private final String code;
    private final String officialName;
    private final String shortName;
    private final String letterCode;
    private final String university;

    AlfRegion(String code, String officialName, String shortName, String letterCode, String university) {
        this.code = code;
        this.officialName = officialName;
        this.shortName = shortName;
        this.letterCode = letterCode;
        this.university = university;
    }

    public String code() {
        return code;
    }

    public String officialName() {
        return officialName;
    }

    /** The ALF region's name as reports use it ("Skåne"). */
    public String shortName() {
        return shortName;
    }

    public String letterCode() {
        return letterCode;
    }

    public String university() {
        return university;
    }

    public static Optional<AlfRegion> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
