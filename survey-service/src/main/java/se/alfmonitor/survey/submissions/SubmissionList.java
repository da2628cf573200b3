package se.alfmonitor.survey.submissions;

import java.util.List;

/** One page of submissions; {@code page} counts from 0 and {@code total} is the number of matches on all pages. */
public record SubmissionList(List<Submission> items, int page, int size, long total) {
}
