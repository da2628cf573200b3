package se.alfmonitor.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page is served with the same protections: no inline script or event handler (the policy would refuse
 * them), a Content-Security-Policy without unsafe script whose {@code connect-src} names exactly the services the page
 * calls beside this one (the realm always; assessment-service for the workbench and the impact page; survey-service
 * for the questionnaire form and the coordinator page), never framed, unsniffed and unreferred.
 */
@QuarkusTest
class PagePoliciesTest {

    private static final String REALM = "connect-src 'self' http://localhost:8180/realms/alf-monitor/";
    private static final String ASSESSMENT = " http://localhost:8082";
    private static final String SURVEY = " http://localhost:8081";

    static Stream<Arguments> pages() {
        return Stream.of(arguments("/", REALM), arguments("/index.html", REALM),
                arguments("/workbench.html", REALM + ASSESSMENT), arguments("/impact.html", REALM + ASSESSMENT),
                arguments("/questionnaire.html", REALM + SURVEY), arguments("/coordinator.html", REALM + SURVEY));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void thePageHasNoInlineScriptOrEventHandlerAttributes(String page, String connect) {
        String html = given().get(page).then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("a script element without src on " + page).isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("an on... attribute on " + page).isFalse();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void thePageMayConnectOnlyToWhatItCalls(String page, String connect) {
        String policy = given().get(page).then().statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .extract().header("Content-Security-Policy");
        List<String> directives = Arrays.stream(policy.split(";")).map(String::trim).toList();
        assertThat(directives).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'none'");
        assertThat(directives.stream().filter(d -> d.startsWith("connect-src")).toList()).containsExactly(connect);
        assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
    }
}
