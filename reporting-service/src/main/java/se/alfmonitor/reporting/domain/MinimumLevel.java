package se.alfmonitor.reporting.domain;

/** One of the 27 minimum levels as dashboards label it. */
public record MinimumLevel(int number, String area, int areaNumber, String labelSv, String textSv, String textEn) {
}
