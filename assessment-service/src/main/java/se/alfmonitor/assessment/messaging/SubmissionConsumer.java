package se.alfmonitor.assessment.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.assessment.assessment.AssessmentService;
import se.alfmonitor.contract.events.SubmissionSubmitted;
import se.alfmonitor.contract.events.Topic;
import se.alfmonitor.contract.messaging.Inbox;

/** Assesses every submitted revision from {@code alf.submissions.v1}, once per event. */
@ApplicationScoped
public class SubmissionConsumer {

    private final Inbox inbox;
    private final AssessmentService assessments;

    public SubmissionConsumer(Inbox inbox, AssessmentService assessments) {
        this.inbox = inbox;
        this.assessments = assessments;
    }

    @Incoming("submissions")
    @Blocking
    public void onSubmission(String value) {
        inbox.process("assessment", Topic.SUBMISSIONS, value, SubmissionSubmitted.class,
                event -> assessments.assess(event.data()));
    }
}
