package se.alfmonitor.contract.events;

/** The topics of the integration contract, each with the one event type it carries. */
public enum Topic {
    UNITS("alf.units.v1", "se.alfmonitor.unit.changed.v1"),
    SUBMISSIONS("alf.submissions.v1", "se.alfmonitor.submission.submitted.v1"),
    ASSESSMENTS("alf.assessments.v1", "se.alfmonitor.assessment.completed.v1"),
    INDICATORS("alf.indicators.v1", "se.alfmonitor.indicator.computed.v1");

    private final String topicName;
    private final String eventType;

    Topic(String topicName, String eventType) {
        this.topicName = topicName;
        this.eventType = eventType;
    }

    public String topicName() {
        return topicName;
    }

    public String eventType() {
        return eventType;
    }

    /** Where a message that cannot be processed is parked, with the reason in its headers. */
    public String deadLetterTopicName() {
        return topicName + ".dlq";
    }

    /** Record key on {@link #INDICATORS}, a compacted topic: the latest value per indicator, org unit and period. */
    public static String indicatorKey(String indicator, String orgUnit, String period) {
        return indicator + "|" + orgUnit + "|" + period;
    }
}
