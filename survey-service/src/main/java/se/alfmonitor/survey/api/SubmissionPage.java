package se.alfmonitor.survey.api;

import java.util.List;

/** One page of submissions; {@code page} counts from 0 and {@code total} is the number of matches on all pages. */
public record SubmissionPage(List<SubmissionDto> items, int page, int size, long total) {
}
