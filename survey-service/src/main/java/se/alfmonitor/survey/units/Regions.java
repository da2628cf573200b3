package se.alfmonitor.survey.units;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import se.alfmonitor.contract.AlfRegion;

/** Reference data: the 21 Swedish regions; the seven ALF regions designate units, any region may host one. */
public final class Regions {

    private static final List<Region> OTHER_COUNTIES = List.of(
            new Region("04", "Region Sörmland", "D", null, false),
            new Region("06", "Region Jönköpings län", "F", null, false),
            new Region("07", "Region Kronoberg", "G", null, false),
            new Region("08", "Region Kalmar län", "H", null, false),
            new Region("09", "Region Gotland", "I", null, false),
            new Region("10", "Region Blekinge", "K", null, false),
            new Region("13", "Region Halland", "N", null, false),
            new Region("17", "Region Värmland", "S", null, false),
            new Region("19", "Region Västmanland", "U", null, false),
            new Region("20", "Region Dalarna", "W", null, false),
            new Region("21", "Region Gävleborg", "X", null, false),
            new Region("22", "Region Västernorrland", "Y", null, false),
            new Region("23", "Region Jämtland Härjedalen", "Z", null, false),
            new Region("25", "Region Norrbotten", "BD", null, false));

    /** Every region, ordered by county code. */
    public static final List<Region> ALL = Stream.concat(
            Arrays.stream(AlfRegion.values())
                    .map(r -> new Region(r.code(), r.officialName(), r.letterCode(), r.university(), true)),
            OTHER_COUNTIES.stream())
            .sorted(Comparator.comparing(Region::code))
            .toList();

    private Regions() {
    }

    public static Optional<Region> byCode(String code) {
        return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public static boolean isAlfRegion(String code) {
        return byCode(code).map(Region::alfRegion).orElse(false);
    }
}
