package se.alfmonitor.survey.questionnaire;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** An independent JSON Schema validator (networknt, draft 2020-12) over the schemas the service generates. */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12);

    private JsonSchemas() {
    }

    public static Compiled compile(JsonNode schema) {
        return new Compiled(REGISTRY.getSchema(schema));
    }

    public record Compiled(Schema schema) {

        /** Every problem the validator finds, as its messages; empty when the document is valid. */
        public List<String> errors(JsonNode document) {
            return schema.validate(document).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage())
                    .toList();
        }
    }
}
