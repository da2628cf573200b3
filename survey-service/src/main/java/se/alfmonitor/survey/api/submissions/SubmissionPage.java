package se.alfmonitor.survey.api.submissions;

import java.util.List;

import se.alfmonitor.survey.submissions.SubmissionList;

/** One page of submissions; {@code page} counts from 0 and {@code total} is the number of matches on all pages. */
public record SubmissionPage(List<SubmissionDto> items, int page, int size, long total) {

    static SubmissionPage from(SubmissionList list) {
        return new SubmissionPage(list.items().stream().map(SubmissionDto::from).toList(), list.page(), list.size(),
                list.total());
    }
}
