package se.alfmonitor.contract.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the whole event, attributes and data, is the Kafka record
 * value, with content type {@value #CONTENT_TYPE}.
 *
 * @param <T> the event data record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static <T> CloudEvent<T> create(String source, Topic topic, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, topic.eventType(), subject,
                Instant.now().truncatedTo(ChronoUnit.MICROS), DATA_CONTENT_TYPE, data);
    }
}
