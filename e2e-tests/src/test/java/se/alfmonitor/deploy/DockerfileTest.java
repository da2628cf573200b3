package se.alfmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The JVM image definition of each service ({@code src/main/docker/Dockerfile.jvm}): a pinned base image, the
 * fast-jar layout, a non-root user, the service's own port and no HEALTHCHECK (the orchestrator probes
 * {@code /q/health/live} and {@code /q/health/ready}).
 */
class DockerfileTest {

    @Test
    void everyServiceHasAPinnedNonRootJvmImageOnItsPort() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (var service : DeployFiles.SERVICE_PORTS.entrySet()) {
            String name = service.getKey();
            Path dockerfile = DeployFiles.path(name, "src", "main", "docker", "Dockerfile.jvm");
            assertThat(dockerfile).as("%s Dockerfile.jvm", name).isRegularFile();
            List<String> instructions = instructions(DeployFiles.read(dockerfile));

            List<String> from = withKeyword(instructions, "FROM");
            softly.assertThat(from).as("%s FROM", name).hasSize(1);
            from.forEach(image -> softly.assertThat(DeployFiles.unpinnedReason(image)).as("%s base %s", name, image)
                    .isNull());

            List<String> users = withKeyword(instructions, "USER");
            softly.assertThat(users).as("%s USER", name).isNotEmpty();
            if (!users.isEmpty()) {
                softly.assertThat(users.get(users.size() - 1)).as("%s runs as", name)
                        .isNotIn("root", "0", "0:0", "root:root");
            }

            int port = configuredPort(name);
            softly.assertThat(port).as("%s quarkus.http.port", name).isEqualTo(service.getValue());
            softly.assertThat(withKeyword(instructions, "EXPOSE")).as("%s EXPOSE", name)
                    .containsExactly(String.valueOf(port));
            softly.assertThat(withKeyword(instructions, "HEALTHCHECK")).as("%s HEALTHCHECK", name).isEmpty();

            String copies = String.join("\n", withKeyword(instructions, "COPY"));
            for (String part : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                    "target/quarkus-app/app/", "target/quarkus-app/quarkus/")) {
                softly.assertThat(copies).as("%s copies %s", name, part).contains(part);
            }
            String env = String.join("\n", withKeyword(instructions, "ENV"));
            softly.assertThat(env).as("%s ENV", name).contains("JAVA_OPTS_APPEND")
                    .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
            softly.assertThat(withKeyword(instructions, "ENTRYPOINT")).as("%s ENTRYPOINT", name).hasSize(1);
        }
        softly.assertAll();
    }

    private static int configuredPort(String service) throws Exception {
        Properties properties = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(
                DeployFiles.path(service, "src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port", "8080").trim());
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(String dockerfile) {
        String joined = dockerfile.replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\r?\\n", " ");
        return Arrays.stream(joined.split("\\r?\\n")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> withKeyword(List<String> instructions, String keyword) {
        return instructions.stream()
                .filter(l -> l.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .map(l -> l.substring(keyword.length() + 1).trim())
                .toList();
    }
}
