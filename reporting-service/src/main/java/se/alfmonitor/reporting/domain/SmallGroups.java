package se.alfmonitor.reporting.domain;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.AlfRegion;
import se.alfmonitor.contract.security.Caller;
import se.alfmonitor.contract.security.Roles;

/**
 * The small-group rule: a figure computed from fewer than {@code alf.reporting.minimum-group} responding units (3 by
 * default) would tell its reader how those one or two units were assessed, so it is shown only to a caller who may
 * see those units anyway (assessor, monitor, admin; a reporter for its own region). Everyone else gets the figure as
 * suppressed: its value {@code null} and the region named in {@code suppression.regions}, never 0.
 * <p>
 * The national figures pool all regions, so the nation minus the regions shown would give the suppressed regions'
 * figures back. They are suppressed too when that difference is a group of fewer than the minimum (the suppressed
 * regions hold 1 or 2 responding units between them), or when the nation itself has fewer.
 */
@ApplicationScoped
public class SmallGroups {

    private final Caller caller;
    private final int minimum;

    public SmallGroups(Caller caller, @ConfigProperty(name = "alf.reporting.minimum-group", defaultValue = "3")
            int minimum) {
        this.caller = caller;
        this.minimum = minimum;
    }

    /** What the caller may not see of one campaign's tally. */
    Suppression of(Tally tally) {
        Set<String> regions = new TreeSet<>();
        int hiddenUnits = 0;
        for (AlfRegion region : AlfRegion.values()) {
            int responding = tally.responding(region.code());
            if (small(responding) && !seesUnitsOf(region.code())) {
                regions.add(region.code());
                hiddenUnits += responding;
            }
        }
        boolean national = !seesAllUnits() && (small(tally.responding()) || small(hiddenUnits));
        return new Suppression(minimum, Set.copyOf(regions), national);
    }

    private boolean small(int units) {
        return units > 0 && units < minimum;
    }

    private boolean seesAllUnits() {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.ASSESSOR) || caller.hasRole(Roles.MONITOR);
    }

    private boolean seesUnitsOf(String region) {
        return seesAllUnits()
                || caller.hasRole(Roles.REPORTER) && caller.regionCode().filter(region::equals).isPresent();
    }

    /**
     * @param minimumUnits the smallest group whose figures are shown to everyone
     * @param regions the regions whose outcome figures are suppressed for this caller
     * @param national whether the national figures are suppressed for this caller
     */
    public record Suppression(int minimumUnits, Set<String> regions, boolean national) {

        public boolean hides(String region) {
            return regions.contains(region);
        }

        /** The value, or null when the region's figures are suppressed. */
        public <T> T region(String region, T value) {
            return hides(region) ? null : value;
        }

        /** The value, or null when the national figures are suppressed. */
        public <T> T national(T value) {
            return national ? null : value;
        }
    }
}
