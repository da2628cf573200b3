package se.alfmonitor.survey;

import io.quarkus.test.common.QuarkusTestResource;
import se.alfmonitor.testing.AlfTestResources;

/** Registers the shared test infrastructure once for every test of this service. */
@QuarkusTestResource(AlfTestResources.class)
public class TestInfrastructure {
}
