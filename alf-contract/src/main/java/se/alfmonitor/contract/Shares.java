package se.alfmonitor.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of the contract's shares, so that every service that computes a compliance figure (reporting-service's
 * matrix, assessment-service's simulation of one) rounds it the same way: a share is a percentage with one decimal,
 * rounded half up; an average is the unweighted mean of the rounded shares, as the published report takes it, so it
 * can be checked from the table.
 */
public final class Shares {

    private Shares() {
    }

    /** {@code part} of {@code whole} in percent, one decimal; null when there is nothing to divide by. */
    public static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The unweighted mean of rounded shares, one decimal; null without shares. */
    public static BigDecimal mean(List<BigDecimal> shares) {
        if (shares.isEmpty()) {
            return null;
        }
        return shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(shares.size()), 1, RoundingMode.HALF_UP);
    }
}
