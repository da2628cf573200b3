package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.testing.Tokens;

@QuarkusTest
class StreamTest {

    @TestHTTPResource("/api/stream")
    URI stream;

    /**
     * Reads the stream with a plain HTTP client, line by line, as a browser's fetch does. The stream only carries
     * changes made after it was opened, and the test cannot see when the server has subscribed, so it sends a new
     * assessment and indicator value each second until a {@code compliance} event naming the campaign and an
     * {@code indicator} event naming the indicator have arrived.
     */
    @Test
    void assessmentsAndIndicatorValuesOnTheBrokerReachAnOpenStream() throws Exception {
        String s = Events.suffix();
        String campaign = "alf-sse-" + s;
        String indicator = "T-SSE-" + s;
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + Tokens.viewer())
                .header("Accept", "text/event-stream").build();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        try {
            boolean compliance = false;
            boolean indicatorSeen = false;
            String event = null;
            for (int attempt = 0; attempt < 30 && !(compliance && indicatorSeen); attempt++) {
                if (!compliance) {
                    Events.assessment(campaign, "01-SSE-" + s + "-" + attempt, "01", n -> LevelOutcome.MET);
                }
                if (!indicatorSeen) {
                    Events.indicator(indicator, "SE", String.valueOf(2000 + attempt), "1", "2", "100", "50.0");
                }
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                String line;
                while (!(compliance && indicatorSeen)
                        && (line = lines.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                    if (line.isEmpty()) {
                        event = null;
                    } else if (line.startsWith("event:")) {
                        event = line.substring("event:".length()).trim();
                    } else if (line.startsWith("data:")) {
                        String data = line.substring("data:".length()).trim();
                        compliance |= "compliance".equals(event) && campaign.equals(data);
                        indicatorSeen |= "indicator".equals(event) && indicator.equals(data);
                    }
                }
            }
            assertThat(compliance).as("a compliance event for %s on the stream", campaign).isTrue();
            assertThat(indicatorSeen).as("an indicator event for %s on the stream", indicator).isTrue();
            HttpResponse<Stream<String>> r = response.get(5, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/event-stream"));
        } finally {
            response.thenAccept(r -> r.body().close());
            reading.cancel(true);
        }
    }

    /**
     * Another instance of the service shares the database: a change it commits is announced on the database's
     * notification channel, and must reach the streams this instance serves. The other instance is played by a
     * connection of its own.
     */
    @Test
    void aChangeCommittedByAnotherInstanceReachesTheStream() throws Exception {
        String campaign = "alf-other-instance-" + Events.suffix();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + Tokens.viewer())
                .header("Accept", "text/event-stream").build();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            other.setAutoCommit(false);
            boolean seen = false;
            String event = null;
            for (int attempt = 0; attempt < 30 && !seen; attempt++) {
                try (var statement = other.prepareStatement("select pg_notify('alf_read_model_changed', ?)")) {
                    statement.setString(1, "compliance\t" + campaign);
                    statement.execute();
                }
                other.commit();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                String line;
                while (!seen
                        && (line = lines.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring("event:".length()).trim();
                    } else if (line.startsWith("data:")) {
                        seen = "compliance".equals(event) && campaign.equals(line.substring("data:".length()).trim());
                    }
                }
            }
            assertThat(seen).as("the other instance's change on this instance's stream").isTrue();
        } finally {
            response.thenAccept(r -> r.body().close());
            reading.cancel(true);
        }
    }

    /** A stream must not outlive the token that opened it: it ends when the token expires, and the client reopens it. */
    @Test
    void theStreamEndsWhenTheTokenThatOpenedItExpires() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + Tokens.expiringIn(3, "viewer", Set.of("viewer")))
                .header("Accept", "text/event-stream").build();
        long opened = System.nanoTime();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        // the body completes only when the server ends the stream; the heartbeat alone would keep it open for ever
        CompletableFuture<Long> lines = CompletableFuture.supplyAsync(() -> response.body().count());
        lines.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theStreamNeedsAViewerRoleOrBetter() {
        given().get("/api/stream").then().statusCode(401);
        given().auth().oauth2(Tokens.token("nobody", Set.of("other"), null)).get("/api/stream").then()
                .statusCode(403);
    }
}
