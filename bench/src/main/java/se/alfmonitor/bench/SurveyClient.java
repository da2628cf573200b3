package se.alfmonitor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.alfmonitor.e2e.Fixtures;
import se.alfmonitor.e2e.Suite;
import se.alfmonitor.e2e.Suite.Service;

/**
 * A region's IT system submitting complete questionnaires as {@code PipelineIT} does: register the unit (admin),
 * save the draft, submit it, with tokens from the suite's Keycloak.
 */
final class SurveyClient {

    static final String REGION = "14";
    private static final String CAMPAIGN = "alf-2018-2021";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite;
    private final HttpClient http;
    private final byte[] answers;

    SurveyClient(Suite suite) {
        this.suite = suite;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            this.answers = JSON.writeValueAsBytes(Fixtures.completeAlfUsve());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers as the bench sends them, for the JDBC ceiling. */
    String answersJson() {
        return new String(answers, java.nio.charset.StandardCharsets.UTF_8);
    }

    void registerUnit(String unitId) {
        send(Service.SURVEY, "PUT", "/api/units/" + unitId, suite.tokens().user("admin"),
                json(Map.of("name", "Jämförelsekliniken " + unitId, "regionCode", REGION,
                        "directPatientContact", true, "designatedYear", 2017)), 201);
    }

    /** Saves a draft of the complete questionnaire and submits it; returns when the submit has answered 200. */
    void submitComplete(String unitId) {
        UUID id = UUID.randomUUID();
        String token = suite.tokens().region(REGION);
        String body = "{\"campaignId\":\"" + CAMPAIGN + "\",\"unitId\":\"" + unitId + "\",\"answers\":"
                + answersJson() + "}";
        send(Service.SURVEY, "PUT", "/api/submissions/" + id, token, body, 201);
        send(Service.SURVEY, "POST", "/api/submissions/" + id + "/submit", token, null, 200);
    }

    /** @return the answer to a GET, with its body */
    HttpResponse<String> getResponse(Service service, String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the status of a GET, the body read and dropped */
    int get(Service service, String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void send(Service service, String method, String path, String token, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
