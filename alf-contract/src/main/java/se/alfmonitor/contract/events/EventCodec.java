package se.alfmonitor.contract.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes CloudEvents envelopes with the application's Jackson configuration. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(CloudEvent<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.id(), e);
        }
    }

    /**
     * Parses and checks an envelope of the given topic.
     *
     * @throws PoisonEventException if the value is not a CloudEvents 1.0 envelope of the topic's event type with data
     */
    public <T> CloudEvent<T> read(String value, Topic topic, Class<T> dataType) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Empty message on " + topic.topicName());
        }
        CloudEvent<T> event;
        try {
            JavaType type = mapper.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
            event = mapper.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("Not a readable " + topic.eventType() + " CloudEvent: "
                    + e.getOriginalMessage(), e);
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new PoisonEventException("Unsupported CloudEvents specversion " + event.specversion());
        }
        if (event.id() == null || event.id().isBlank()) {
            throw new PoisonEventException("CloudEvent without id");
        }
        if (!topic.eventType().equals(event.type())) {
            throw new PoisonEventException("Unexpected event type " + event.type() + " on " + topic.topicName());
        }
        if (event.data() == null) {
            throw new PoisonEventException("CloudEvent " + event.id() + " has no data");
        }
        return event;
    }
}
